// Data sources (issue 18): an administrator opens /admin/sources, on a computer and at 390 px; the
// page shows its empty state or each binding's last run, and passes axe.
import frCore from '../../../libs/i18n/src/locales/fr/core.json';
import { checkAccessibility, e2eTarget, openPage, screenshot, url } from '../support';

describe(`data sources page: ${e2eTarget().instance}`, () => {
  test.each([
    ['desktop', { width: 1366, height: 900 }],
    ['phone', { width: 390, height: 844 }],
  ])('an administrator sees the source bindings and their last run (%s)', async (name, viewport) => {
    const page = await openPage('/?lang=fr', { locale: 'fr-FR', viewport });
    const login = await page.request.post(url('/auth/demo-login'), { data: { role: 'admin' } });
    expect(login.status()).toBe(200);
    await page.goto(url('/admin/sources?lang=fr'), { waitUntil: 'networkidle' });
    await page.getByRole('heading', { level: 1, name: frCore.sourcesAdmin.title }).waitFor();
    // No binding on a fresh instance: the empty state says how to add one; otherwise a section per binding.
    await page.getByText(frCore.sourcesAdmin.emptyTitle).or(page.getByRole('heading', { level: 3, name: frCore.sourcesAdmin.lastRun })).first().waitFor();
    await checkAccessibility(page);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(viewport.width);
    await screenshot(`sources-admin-${name}`, page);
    expect(await page.graphqlErrors()).toEqual([]);
    expect(page.errors).toEqual([]);
  });

  test('is refused to someone who is not signed in', async () => {
    const page = await openPage('/admin/sources?lang=fr', { locale: 'fr-FR' });
    await page.getByText(frCore.account.signInRequired.title).waitFor();
    expect(await page.getByRole('heading', { level: 1, name: frCore.sourcesAdmin.title }).count()).toBe(0);
  });
});
