// The kit answers, serves the web app, and its home page is usable and accessible in every locale.
import { checkAccessibility, e2eTarget, get, graphql, openPage, screenshot } from '../support';

interface Health {
  status: string;
  version: string;
  instance?: string;
  database: { kind: string; reachable?: boolean; migrations?: { applied: number; pending: string[] } };
}

describe(`smoke: ${e2eTarget().instance}`, () => {
  test('/health says ok, with the version and no pending migration', async () => {
    const response = await get('/health');
    expect(response.status).toBe(200);
    const health = (await response.json()) as Health;
    expect(health).toMatchObject({ status: 'ok', database: { migrations: { pending: [] } } });
    expect(health.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(['pglite', 'postgresql']).toContain(health.database.kind);
  });

  test('GraphQL `instance` returns the instance id', async () => {
    const { instance } = await graphql<{ instance: { id: string; locales: string[] } }>('{ instance { id locales } }');
    const health = (await (await get('/health')).json()) as Health;
    expect(instance.id).toMatch(/^[a-z0-9-]+$/);
    if (health.instance !== undefined) expect(instance.id).toBe(health.instance);
    expect(instance.locales.length).toBeGreaterThan(0);
  });

  test('GET / returns the web app HTML', async () => {
    const response = await get('/', { accept: 'text/html' });
    const body = await response.text();
    if (response.status === 503 || /not built/i.test(body)) {
      throw new Error(`The API does not serve the web app: apps/web/dist is missing. Build it with \`npx nx run-many -t build\` before \`npm run test:e2e\`. (GET / answered ${response.status}: ${body.slice(0, 200)})`);
    }
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    expect(body).toMatch(/<!doctype html>/i);
    expect(body).toMatch(/<script[^>]+src=/);
  });

  describe('home page', () => {
    let locales: string[] = [];

    beforeAll(async () => {
      ({ instance: { locales } } = await graphql<{ instance: { locales: string[] } }>('{ instance { locales } }'));
    });

    test('renders in every locale of the instance, with <html lang>, a main landmark and no serious axe violation', async () => {
      expect(locales.length).toBeGreaterThan(0);
      for (const locale of locales) {
        const page = await openPage('/', { locale });
        const main = page.locator('main, [role="main"]');
        await main.first().waitFor({ state: 'visible', timeout: 20_000 });
        await screenshot(`home-${locale}`, page);
        expect({ locale, graphqlErrors: await page.graphqlErrors() }).toEqual({ locale, graphqlErrors: [] });
        expect(page.errors.filter((error) => error.startsWith('uncaught'))).toEqual([]);
        expect(await main.count()).toBe(1);
        await page.locator('h1').first().waitFor({ state: 'visible', timeout: 20_000 });
        const lang = await page.locator('html').getAttribute('lang');
        expect(lang).toMatch(/^[a-z]{2}(-[A-Za-z]{2})?$/);
        expect(locales).toContain(lang?.slice(0, 2));
        expect(await page.title()).not.toBe('');
        await checkAccessibility(page);
        await page.context().close();
      }
    });
  });
});
