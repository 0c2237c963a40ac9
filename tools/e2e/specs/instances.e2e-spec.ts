// Each example instance shows its own branding and modules: its name, its logo served from its
// theme folder, the help centre of its modules (searchable), with screenshots per instance.
import { checkAccessibility, e2eTarget, get, graphql, openPage, screenshot } from '../support';

interface InstanceInfo {
  id: string;
  name: Record<string, string>;
  theme: { tokens?: { logos?: { light?: string } } };
  modules: { id: string }[];
}

describe(`instance branding and modules: ${e2eTarget().instance}`, () => {
  let instance: InstanceInfo;

  beforeAll(async () => {
    ({ instance } = await graphql<{ instance: InstanceInfo }>('{ instance { id name theme modules { id } } }'));
  });

  test('shows the instance name in the header and serves its logo', async () => {
    const page = await openPage('/', { locale: 'fr-FR' });
    await page.locator('header').first().waitFor({ state: 'visible', timeout: 20_000 });
    await page.getByText(instance.name.fr, { exact: true }).first().waitFor({ state: 'visible', timeout: 20_000 });
    const logo = instance.theme.tokens?.logos?.light;
    if (logo) {
      const response = await get(logo);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<svg');
      await page.locator(`header img[src="${logo}"]`).waitFor({ state: 'visible', timeout: 20_000 });
    }
    await screenshot('branding-home', page);
    await page.context().close();
  });

  test('opens the help centre of its modules and finds an article by a word', async () => {
    if (!instance.modules.some((module) => module.id === 'help-centre')) return;
    const { helpArticles } = await graphql<{ helpArticles: { slug: string; title: string }[] }>('{ helpArticles(locale: "fr") { slug title } }');
    expect(helpArticles.length).toBeGreaterThan(0);
    const page = await openPage('/help', { locale: 'fr-FR' });
    await page.locator('h1').first().waitFor({ state: 'visible', timeout: 20_000 });
    await page.getByRole('link', { name: helpArticles[0].title }).first().waitFor({ state: 'visible', timeout: 20_000 });
    await screenshot('help-centre', page);
    await checkAccessibility(page);
    await page.getByRole('link', { name: helpArticles[0].title }).first().click();
    await page.locator('article h1').first().waitFor({ state: 'visible', timeout: 20_000 });
    expect(await page.locator('article h1').first().textContent()).toBe(helpArticles[0].title);
    await screenshot('help-article', page);
    expect(page.errors.filter((error) => error.startsWith('uncaught'))).toEqual([]);
    await page.context().close();
  });
});
