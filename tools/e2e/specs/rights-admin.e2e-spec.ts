// Rights from the screen (issue 21, ADR 037): a regional coordinator gives a reader right on a
// département of the région combined with one policy, with a required reason the form asks for, and
// finds the account in the list with that reason; a role above theirs is refused by the form and
// nothing changes; the "see as" preview lists what the right reads. An administrator sees the page
// at 390 px without horizontal scroll; an agent gets no such page; an anonymous visitor is asked to
// sign in. Axe on each. Accounts it makes have e-mails of their own (a retry makes another).
import frCore from '../../../libs/i18n/src/locales/fr/core.json';
import { checkAccessibility, e2eTarget, openPage, type OpenedPage, screenshot, url } from '../support';

const PHONE = { width: 390, height: 844 };

async function signIn(page: OpenedPage, role: string): Promise<void> {
  expect((await page.request.post(url('/auth/demo-login'), { data: { role } })).status()).toBe(200);
}

async function pickRole(page: OpenedPage, label: string): Promise<void> {
  await page.locator('#grant-role').click();
  await page.getByRole('option', { name: label, exact: true }).click();
}

describe(`rights administration page: ${e2eTarget().instance}`, () => {
  test('a regional coordinator gives a combined right with its reason; a role above theirs is refused and changes nothing', async () => {
    const email = `e2e.${Date.now().toString(36)}@rights.invalid`;
    const page = await openPage('/?lang=fr', { locale: 'fr-FR' });
    await signIn(page, 'regional-coordinator');
    await page.goto(url('/admin/rights?lang=fr'), { waitUntil: 'networkidle' });
    await page.getByRole('heading', { level: 1, name: frCore.rights.title }).waitFor();
    const form = page.getByRole('form', { name: frCore.rights.grant.title });
    await form.getByLabel(frCore.rights.grant.email, { exact: false }).fill(email);
    await pickRole(page, 'Lecteur');
    // The level and territory selectors are native selects (their labels carry the instance's words).
    await form.locator('select').first().selectOption('DEPT');
    const territory = form.locator('select').nth(1);
    await territory.locator('option:not([disabled])').first().waitFor({ state: 'attached' });
    const code = await territory.locator('option:not([disabled])').first().getAttribute('value');
    await territory.selectOption(code!);
    await form.locator('#grant-policies').click();
    await page.getByRole('listbox').getByRole('option').first().click();
    await page.keyboard.press('Escape');

    // The preview says what this right would read, without signing in as anyone.
    const preview = page.getByRole('region', { name: frCore.rights.preview.title });
    await preview.getByRole('link', { name: frCore.rights.preview.dashboard }).waitFor();

    // No reason: the form says so, nothing is created.
    await form.getByRole('button', { name: frCore.rights.grant.submit }).click();
    await form.getByText(frCore.rights.errors.reasonRequired).waitFor();
    await form.getByLabel(frCore.rights.grant.reason, { exact: false }).fill('Suivi e2e du département');
    await form.getByRole('button', { name: frCore.rights.grant.submit }).click();
    await form.getByRole('alert').or(form.getByRole('status')).getByText(email).waitFor();
    await page.getByRole('searchbox', { name: frCore.rights.search }).fill(email);
    const row = page.getByRole('row', { name: new RegExp(email.replace(/[.]/g, '\\.')) });
    await row.getByText('Suivi e2e du département', { exact: false }).waitFor();
    await checkAccessibility(page);
    await screenshot('rights-granted', page);

    // Above my rights: the form explains, and the account still has one right only.
    await pickRole(page, 'Coordinateur régional');
    await form.getByLabel(frCore.rights.grant.reason, { exact: false }).fill('Essai au-dessus de mes droits');
    await form.getByRole('button', { name: frCore.rights.grant.submit }).click();
    await form.getByText(frCore.rights.errors.roleAbove).waitFor();
    await page.reload({ waitUntil: 'networkidle' });
    await page.getByRole('searchbox', { name: frCore.rights.search }).fill(email);
    const rights = page.getByRole('row', { name: new RegExp(email.replace(/[.]/g, '\\.')) }).getByRole('button', { name: /Retirer le rôle/ });
    await rights.first().waitFor();
    expect(await rights.count()).toBe(1);
    expect(page.errors).toEqual([]);
  });

  test('an administrator uses it on a phone; an agent and an anonymous visitor are refused', async () => {
    const phone = await openPage('/?lang=fr', { locale: 'fr-FR', viewport: PHONE });
    await signIn(phone, 'admin');
    await phone.goto(url('/admin/rights?lang=fr'), { waitUntil: 'networkidle' });
    await phone.getByRole('heading', { level: 1, name: frCore.rights.title }).waitFor();
    await phone.getByRole('table').waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await checkAccessibility(phone);
    await screenshot('rights-phone', phone);
    expect(await phone.graphqlErrors()).toEqual([]);

    const agent = await openPage('/?lang=fr', { locale: 'fr-FR' });
    await signIn(agent, 'deconcentrated-service');
    await agent.goto(url('/admin/rights?lang=fr'), { waitUntil: 'networkidle' });
    await agent.getByRole('heading', { level: 1, name: frCore.rights.notAllowed }).waitFor();
    expect(await agent.getByRole('table').count()).toBe(0);
    await checkAccessibility(agent);

    const anonymous = await openPage('/admin/rights?lang=fr', { locale: 'fr-FR' });
    await anonymous.getByText(frCore.account.signInRequired.title).waitFor();
    expect(await anonymous.getByRole('button', { name: frCore.rights.grant.submit }).count()).toBe(0);
  });
});
