// Background jobs (issue 16): an administrator opens /admin/jobs, on a computer and at 390 px; the
// page names its filter, shows an empty state or an accessible table, and passes axe.
import frCore from '../../../libs/i18n/src/locales/fr/core.json';
import { checkAccessibility, e2eTarget, openPage, screenshot, url } from '../support';

describe(`background jobs page: ${e2eTarget().instance}`, () => {
  test.each([
    ['desktop', { width: 1366, height: 900 }],
    ['phone', { width: 390, height: 844 }],
  ])('an administrator sees the jobs by state (%s)', async (name, viewport) => {
    const page = await openPage('/?lang=fr', { locale: 'fr-FR', viewport });
    const login = await page.request.post(url('/auth/demo-login'), { data: { role: 'admin' } });
    expect(login.status()).toBe(200);
    await page.goto(url('/admin/jobs?lang=fr'), { waitUntil: 'networkidle' });
    await page.getByRole('heading', { level: 1, name: frCore.jobsAdmin.title }).waitFor();
    await page.getByRole('combobox', { name: frCore.jobsAdmin.filter }).waitFor();
    // Parked jobs first: none on a fresh instance, or a table with a caption.
    const empty = page.getByText(frCore.jobsAdmin.emptyTitle.replace('{{state}}', frCore.jobsAdmin.states.failed));
    await empty.or(page.getByRole('table')).first().waitFor();
    await checkAccessibility(page);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(viewport.width);
    await screenshot(`jobs-admin-${name}`, page);
    expect(await page.graphqlErrors()).toEqual([]);
    expect(page.errors).toEqual([]);
  });

  test('is refused to someone who is not signed in', async () => {
    const page = await openPage('/admin/jobs?lang=fr', { locale: 'fr-FR' });
    await page.getByText(frCore.account.signInRequired.title).waitFor();
    expect(await page.getByRole('heading', { level: 1, name: frCore.jobsAdmin.title }).count()).toBe(0);
    expect(await page.getByRole('table').count()).toBe(0);
  });
});
