// Favourites, saved views and alert subscriptions from the screen (issue 20): a signed-in reader stars a
// policy and finds it under "Mes favoris" on the home page, saves the policy page's view under a name,
// subscribes to "turns Orage" there, and finds both on /account. Axe, and 390 px without horizontal scroll.
import frCore from '../../../libs/i18n/src/locales/fr/core.json';
import { checkAccessibility, e2eTarget, openPage, type OpenedPage, screenshot, url } from '../support';
import { hierarchy, home, territories } from './dashboard/dashboard-data';

const PHONE = { width: 390, height: 844 };

async function signIn(page: OpenedPage, role: string): Promise<void> {
  expect((await page.request.post(url('/auth/demo-login'), { data: { role } })).status()).toBe(200);
}

async function target(): Promise<{ policyId: string; policyName: string; code: string }> {
  const levels = await hierarchy();
  const level = levels[Math.min(2, levels.length - 1)];
  const all = await territories(level.id);
  const code = all.find((t) => t.code === 'D13')?.code ?? all[0].code;
  const rows = (await home(code)).policies;
  return { policyId: rows[0].policy.id, policyName: rows[0].policy.name, code };
}

describe(`favourites, saved views and alerts: ${e2eTarget().instance}`, () => {
  test('a reader stars a policy, saves a view, subscribes to an alert and finds them again', async () => {
    const { policyId, policyName, code } = await target();
    const viewName = `Vue e2e ${Date.now().toString(36)}`;
    const page = await openPage('/?lang=fr', { locale: 'fr-FR' });
    await signIn(page, 'national-steering');
    await page.goto(url(`/policies/${policyId}?territory=${code}&lang=fr`), { waitUntil: 'networkidle' });
    await page.getByRole('heading', { level: 1, name: policyName }).waitFor();

    const star = page.getByRole('button', { name: frCore.bookmarks.star });
    if ((await star.getAttribute('aria-pressed')) !== 'true') await star.click();
    await page.waitForFunction(() => document.querySelector('button[aria-pressed="true"]') !== null);

    await page.getByRole('button', { name: frCore.bookmarks.saveView }).click();
    const nameField = page.getByLabel(frCore.bookmarks.viewName);
    await nameField.fill('');
    await page.getByRole('dialog').getByRole('button', { name: frCore.bookmarks.save }).click();
    await page.getByText(frCore.bookmarks.nameRequired).waitFor();
    await nameField.fill(viewName);
    await page.getByRole('dialog').getByRole('button', { name: frCore.bookmarks.save }).click();
    await page.getByText(frCore.bookmarks.viewSaved.replace('{{name}}', viewName)).waitFor();

    await page.getByRole('button', { name: frCore.alertSubscriptions.button }).click();
    await page.getByRole('dialog').getByRole('button', { name: frCore.alertSubscriptions.subscribe }).click();
    await page.getByText(frCore.alertSubscriptions.subscribed).waitFor();
    await checkAccessibility(page);
    await screenshot('bookmarks-policy', page);

    await page.goto(url(`/?territory=${code}&lang=fr`), { waitUntil: 'networkidle' });
    const favourites = page.getByRole('region', { name: frCore.bookmarks.myFavourites });
    await favourites.getByRole('link', { name: policyName }).waitFor();

    await page.goto(url('/account?lang=fr'), { waitUntil: 'networkidle' });
    await page.getByRole('heading', { level: 1, name: frCore.bookmarks.accountTitle }).waitFor();
    const saved = page.getByRole('link', { name: viewName });
    await saved.waitFor();
    expect(await saved.getAttribute('href')).toContain(`/policies/${policyId}`);
    await page.getByText(policyName, { exact: false }).first().waitFor();
    expect(await page.getByRole('region', { name: frCore.alertSubscriptions.alerts }).getByRole('link').count()).toBeGreaterThan(0);
    await checkAccessibility(page);
    await screenshot('bookmarks-account', page);
    expect(await page.graphqlErrors()).toEqual([]);
    expect(page.errors).toEqual([]);

    // Opening the saved view shows the same page.
    await saved.click();
    await page.getByRole('heading', { level: 1, name: policyName }).waitFor();

    const phone = await openPage('/?lang=fr', { locale: 'fr-FR', viewport: PHONE });
    await signIn(phone, 'national-steering');
    for (const path of ['/account?lang=fr', `/policies/${policyId}?territory=${code}&lang=fr`]) {
      await phone.goto(url(path), { waitUntil: 'networkidle' });
      await phone.getByRole('heading', { level: 1 }).first().waitFor();
      expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    }
    await checkAccessibility(phone);
    await screenshot('bookmarks-phone', phone);

    // Tidy up: the view goes (the list is read again after the deletion).
    await page.goto(url('/account?lang=fr'), { waitUntil: 'networkidle' });
    page.on('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: frCore.bookmarks.deleteOf.replace('{{name}}', viewName) }).click();
    await page.getByText(frCore.bookmarks.deleted.replace('{{name}}', viewName)).waitFor();
  });
});
