// The signed-in user's space (issues 4 and 7): an agent asks for a role from the web, an
// administrator is notified, follows the link, refuses with a reason, and the agent reads it.
// It refuses (never approves): no right changes, other specs' numbers do not move.
import frCore from '../../../libs/i18n/src/locales/fr/core.json';
import { checkAccessibility, e2eTarget, openPage, screenshot, url, type OpenedPage } from '../support';

async function signInAs(role: string, pathname: string): Promise<OpenedPage> {
  const page = await openPage('/?lang=fr', { locale: 'fr-FR' });
  const login = await page.request.post(url('/auth/demo-login'), { data: { role } });
  expect(login.status()).toBe(200);
  await page.goto(url(pathname), { waitUntil: 'networkidle' });
  return page;
}

describe(`account: ${e2eTarget().instance}`, () => {
  test('an access request goes from the agent to the administrator and back, in the web app', async () => {
    const reason = `Besoin de lire les tableaux de bord (e2e ${Date.now()})`;
    const agent = await signInAs('deconcentrated-service', '/access-requests?lang=fr');
    await agent.getByRole('heading', { level: 1, name: frCore.account.requests.title }).waitFor();
    await agent.getByLabel(frCore.account.requests.role).click();
    const roleOptions = agent.getByRole('option');
    await roleOptions.first().waitFor();
    await roleOptions.first().click();
    // The form's native selects: level (the broadest by default), then its territories.
    const territorySelect = agent.locator('form[aria-labelledby="request-access-title"] select').nth(1);
    const firstTerritory = await territorySelect.locator('option:not([disabled])').first().getAttribute('value');
    await territorySelect.selectOption(firstTerritory!);
    await agent.getByLabel(frCore.account.requests.reason).first().fill(reason);
    await agent.getByRole('button', { name: frCore.account.requests.send }).click();
    await agent.getByText(frCore.account.requests.sent).waitFor();
    const mine = agent.getByRole('table', { name: frCore.account.requests.mine });
    await mine.getByRole('row', { name: new RegExp(reason.replace(/[()]/g, '\\$&')) }).getByText(frCore.account.requests.statuses.pending).waitFor();
    await screenshot('account-request-sent', agent);
    expect(await agent.graphqlErrors()).toEqual([]);
    await checkAccessibility(agent);

    // The administrator sees the notification in the header and follows its link.
    const admin = await signInAs('admin', '/notifications?lang=fr');
    await admin.getByRole('heading', { level: 1, name: frCore.account.notifications.title }).waitFor();
    await admin.getByRole('link', { name: frCore.account.notifications.open }).first().click();
    await admin.getByRole('heading', { level: 1, name: frCore.account.requests.toDecideTitle }).waitFor();
    const row = admin.getByRole('row', { name: new RegExp(reason.replace(/[()]/g, '\\$&')) });
    await row.getByRole('button', { name: frCore.account.requests.refuse }).click();
    await row.getByLabel(frCore.account.requests.refusalReason).fill('Demande faite par le test de bout en bout');
    await row.getByRole('button', { name: frCore.account.requests.confirmRefusal }).click();
    await admin.getByRole('status').filter({ hasText: /refusée/ }).waitFor();
    await screenshot('account-request-refused', admin);
    expect(await admin.graphqlErrors()).toEqual([]);
    await checkAccessibility(admin);

    // The agent reads the decision and its reason.
    await agent.reload({ waitUntil: 'networkidle' });
    await mine.getByRole('row', { name: new RegExp(reason.replace(/[()]/g, '\\$&')) }).getByText(/Refusée — Demande faite par le test/).waitFor();
    expect(agent.errors).toEqual([]);
    expect(admin.errors).toEqual([]);
  });

  test('a visitor is offered to sign in on personal pages', async () => {
    const page = await openPage('/notifications?lang=fr', { locale: 'fr-FR' });
    await page.getByText(frCore.account.signInRequired.title).waitFor();
    await checkAccessibility(page);
  });
});
