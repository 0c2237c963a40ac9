// Usage figures (issue 19, ADR 045): an administrator visits pages, then sees them counted on
// /admin/usage, on a computer and at 390 px (axe, no horizontal scroll); a reader is refused, on the
// page and by the API.
import frCore from '../../../libs/i18n/src/locales/fr/core.json';
import type { Page } from 'playwright-core';
import { checkAccessibility, e2eTarget, graphql, openPage, screenshot, url } from '../support';

const FIGURES = '{ usageFigures(from: "2026-01-01", to: "2026-01-31", granularity: DAY) { points { activeUsers } } }';

async function aDepartment(): Promise<string> {
  const { territories } = await graphql<{ territories: { edges: { node: { code: string } }[] } }>('{ territories(level: "DEPT", first: 200) { edges { node { code } } } }');
  const codes = territories.edges.map((edge) => edge.node.code);
  return codes.includes('D13') ? 'D13' : codes[0];
}

/** Opens a page and waits until the web app has reported it (after render, tab visible). */
async function visit(page: Page, path: string): Promise<void> {
  const reported = page.waitForResponse((response) => response.url().endsWith('/graphql') && (response.request().postData() ?? '').includes('RecordPageView'), { timeout: 30_000 });
  await page.goto(url(path), { waitUntil: 'networkidle' });
  const response = await reported;
  expect(((await response.json()) as { data?: { recordPageView?: boolean } }).data?.recordPageView).toBe(true);
}

describe(`usage figures page: ${e2eTarget().instance}`, () => {
  test.each([
    ['desktop', { width: 1366, height: 900 }],
    ['phone', { width: 390, height: 844 }],
  ])('an administrator sees the pages just visited counted (%s)', async (name, viewport) => {
    const code = await aDepartment();
    const page = await openPage('/?lang=fr', { locale: 'fr-FR', viewport });
    const login = await page.request.post(url('/auth/demo-login'), { data: { role: 'admin' } });
    expect(login.status()).toBe(200);
    await visit(page, '/?lang=fr');
    await visit(page, `/territories/${code}?lang=fr`);
    await page.goto(url('/admin/usage?lang=fr'), { waitUntil: 'networkidle' });
    await page.getByRole('heading', { level: 1, name: frCore.usage.title }).waitFor();
    await page.getByRole('heading', { level: 2, name: frCore.usage.chartTitle.DAY }).waitFor();
    // The territory page and the territory itself are in the tables; today's active users include this admin.
    const pages = page.getByRole('table', { name: frCore.usage.pagesCaption });
    expect(await pages.getByRole('rowheader').count()).toBeGreaterThanOrEqual(2);
    expect(await page.getByRole('table').filter({ hasText: `(${code})` }).count()).toBe(1);
    const figures = (await (await page.request.post(url('/graphql'), { data: { query: '{ usageFigures(from: "2020-01-01", to: "2029-12-31", granularity: MONTH) { points { activeUsers views } } }' } })).json()) as { data: { usageFigures: { points: { activeUsers: number; views: number }[] } } };
    const totals = figures.data.usageFigures.points.reduce((sum, p) => ({ users: Math.max(sum.users, p.activeUsers), views: sum.views + p.views }), { users: 0, views: 0 });
    expect(totals.users).toBeGreaterThanOrEqual(1);
    expect(totals.views).toBeGreaterThanOrEqual(2);
    await checkAccessibility(page);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(viewport.width);
    await screenshot(`usage-admin-${name}`, page);
    expect(await page.graphqlErrors()).toEqual([]);
    expect(page.errors).toEqual([]);
  });

  test('is refused to a reader, on the page and by the API', async () => {
    const page = await openPage('/?lang=fr', { locale: 'fr-FR' });
    const login = await page.request.post(url('/auth/demo-login'), { data: { role: 'reader' } });
    expect(login.status()).toBe(200);
    await page.goto(url('/admin/usage?lang=fr'), { waitUntil: 'networkidle' });
    await page.getByText(frCore.usage.notAllowed).waitFor();
    expect(await page.getByRole('table').count()).toBe(0);
    const answer = (await (await page.request.post(url('/graphql'), { data: { query: FIGURES } })).json()) as { data: unknown; errors?: { extensions?: { code?: string } }[] };
    expect(answer.data).toBeNull();
    expect(answer.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
