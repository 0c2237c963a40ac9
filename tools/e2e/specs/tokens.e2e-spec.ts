// API tokens from the screen (issue 21): an agent creates a token (name, scopes, lifetime), reads its
// secret once, sees it listed and revokes it; a missing scope is refused by the form. An administrator
// finds it among every account's tokens; a non-administrator gets no such page, an anonymous visitor
// is asked to sign in. Axe, and 390 px without horizontal scroll. Tokens it makes have names of their own.
import frCore from '../../../libs/i18n/src/locales/fr/core.json';
import { checkAccessibility, e2eTarget, openPage, type OpenedPage, screenshot, url } from '../support';

const PHONE = { width: 390, height: 844 };

async function signIn(page: OpenedPage, role: string): Promise<void> {
  expect((await page.request.post(url('/auth/demo-login'), { data: { role } })).status()).toBe(200);
}

describe(`API tokens pages: ${e2eTarget().instance}`, () => {
  // A name per attempt: a retry must not find the token the failed attempt made.
  let name = '';

  test('an agent creates a token, sees its secret once, then revokes it', async () => {
    name = `Jeton e2e ${Date.now().toString(36)}`;
    const page = await openPage('/?lang=fr', { locale: 'fr-FR' });
    await signIn(page, 'deconcentrated-service');
    await page.goto(url('/account/tokens?lang=fr'), { waitUntil: 'networkidle' });
    await page.getByRole('heading', { level: 1, name: frCore.tokens.title }).waitFor();

    // No scope: the form says so and creates nothing.
    await page.getByLabel(frCore.tokens.name, { exact: false }).first().fill(name);
    await page.getByRole('checkbox', { name: frCore.tokens.scopes.read }).uncheck();
    await page.getByRole('button', { name: frCore.tokens.create }).click();
    await page.getByText(frCore.tokens.errors.scopes).waitFor();
    expect(await page.getByRole('row', { name: new RegExp(name) }).count()).toBe(0);

    await page.getByRole('checkbox', { name: frCore.tokens.scopes.read }).check();
    await page.getByRole('checkbox', { name: frCore.tokens.scopes.import }).check();
    await page.getByLabel(frCore.tokens.ttlDays).fill('30');
    await page.getByRole('button', { name: frCore.tokens.create }).click();
    await page.getByText(frCore.tokens.shownOnce).waitFor();
    const secret = await page.getByLabel(frCore.tokens.secret).inputValue();
    expect(secret).toMatch(/^pk_/);
    const row = page.getByRole('row', { name: new RegExp(name) });
    await row.waitFor();
    expect(await row.textContent()).toContain(frCore.tokens.states.active);
    await checkAccessibility(page);
    await screenshot('tokens-created', page);

    // The secret works, and its use shows as the last use.
    const me = await page.request.get(url('/auth/me'), { headers: { authorization: `Bearer ${secret}` } });
    expect(((await me.json()) as { kind: string }).kind).toBe('token');
    await page.reload({ waitUntil: 'networkidle' });
    await page.getByRole('row', { name: new RegExp(name) }).waitFor();
    expect(await page.getByRole('row', { name: new RegExp(name) }).textContent()).not.toContain(frCore.tokens.neverUsed);
    expect(await page.getByText(frCore.tokens.shownOnce).count()).toBe(0);

    await page.getByRole('button', { name: frCore.tokens.revokeLabel.replace('{{name}}', name) }).click();
    await page.getByText(frCore.tokens.revoked.replace('{{name}}', name)).waitFor();
    // The list is read again after the revocation: wait for the row to say so rather than read it at once.
    await page.getByRole('row', { name: new RegExp(name) }).getByText(frCore.tokens.states.revoked, { exact: true }).waitFor();
    const after = await page.request.get(url('/auth/me'), { headers: { authorization: `Bearer ${secret}` } });
    expect(after.status()).toBe(401);
    expect(await page.graphqlErrors()).toEqual([]);
    expect(page.errors).toEqual([]);

    const phone = await openPage('/?lang=fr', { locale: 'fr-FR', viewport: PHONE });
    await signIn(phone, 'deconcentrated-service');
    await phone.goto(url('/account/tokens?lang=fr'), { waitUntil: 'networkidle' });
    await phone.getByRole('heading', { level: 1, name: frCore.tokens.title }).waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await checkAccessibility(phone);
    await screenshot('tokens-phone', phone);
  });

  test('an administrator finds every account\'s tokens; others are refused', async () => {
    const page = await openPage('/?lang=fr', { locale: 'fr-FR' });
    await signIn(page, 'admin');
    await page.goto(url('/admin/tokens?lang=fr'), { waitUntil: 'networkidle' });
    await page.getByRole('heading', { level: 1, name: frCore.tokens.adminTitle }).waitFor();
    await page.getByLabel(frCore.tokens.includeInactive).check();
    await page.getByRole('searchbox', { name: frCore.tokens.search }).fill('e2e');
    await page.getByRole('table').or(page.getByText(frCore.tokens.adminNone)).first().waitFor();
    await checkAccessibility(page);
    await screenshot('tokens-admin', page);
    expect(await page.graphqlErrors()).toEqual([]);

    const phone = await openPage('/?lang=fr', { locale: 'fr-FR', viewport: PHONE });
    await signIn(phone, 'admin');
    await phone.goto(url('/admin/tokens?lang=fr'), { waitUntil: 'networkidle' });
    await phone.getByRole('heading', { level: 1, name: frCore.tokens.adminTitle }).waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await checkAccessibility(phone);

    const agent = await openPage('/?lang=fr', { locale: 'fr-FR' });
    await signIn(agent, 'deconcentrated-service');
    await agent.goto(url('/admin/tokens?lang=fr'), { waitUntil: 'networkidle' });
    await agent.getByRole('heading', { level: 1, name: frCore.tokens.adminNotAllowed }).waitFor();
    expect(await agent.getByRole('table').count()).toBe(0);

    const anonymous = await openPage('/account/tokens?lang=fr', { locale: 'fr-FR' });
    await anonymous.getByText(frCore.account.signInRequired.title).waitFor();
    expect(await anonymous.getByRole('button', { name: frCore.tokens.create }).count()).toBe(0);
  });
});
