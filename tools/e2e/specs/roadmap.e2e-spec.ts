// Roadmap from the territory page (issue 21): an agent of a département opens its page, chooses the
// policies it follows with a local objective, saves, and sees them listed; the change is in the
// audit trail. A reader sees no such button on the same page. Axe on the open form; 390 px.
import frCore from '../../../libs/i18n/src/locales/fr/core.json';
import { checkAccessibility, e2eTarget, openPage, type OpenedPage, screenshot, url } from '../support';

const PHONE = { width: 390, height: 844 };

async function signIn(page: OpenedPage, role: string): Promise<string> {
  expect((await page.request.post(url('/auth/demo-login'), { data: { role } })).status()).toBe(200);
  const me = (await (await page.request.get(url('/auth/me'))).json()) as { assignments?: { scope: { territoryCode?: string | null } }[] };
  return me.assignments?.find((a) => a.scope.territoryCode)?.scope.territoryCode ?? '';
}

describe(`roadmap on the territory page: ${e2eTarget().instance}`, () => {
  test('an agent chooses the policies of its territory with an objective; a reader gets no button', async () => {
    const page = await openPage('/?lang=fr', { locale: 'fr-FR', viewport: PHONE });
    const code = await signIn(page, 'deconcentrated-service');
    expect(code).not.toBe('');
    await page.goto(url(`/territories/${code}?lang=fr`), { waitUntil: 'networkidle' });
    // The button shows once the server has answered the form's choices for this territory.
    expect(await page.graphqlErrors()).toEqual([]);
    const edit = page.getByRole('button', { name: /^Choisir les .* suivis$/ });
    await edit.waitFor();
    await edit.click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    const boxes = dialog.getByRole('checkbox');
    expect(await boxes.count()).toBeGreaterThan(0);
    // Tick the first unticked policy (or untick and tick again the first) and give it an objective.
    const first = boxes.first();
    if (await first.isChecked()) await first.uncheck();
    await first.check();
    const objective = `Objectif e2e ${Date.now().toString(36)}`;
    await dialog.getByRole('textbox').first().fill(objective);
    await checkAccessibility(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await screenshot('roadmap-form-phone', page);
    await dialog.getByRole('button', { name: frCore.roadmap.save }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText(/^Feuille de route enregistrée/).waitFor();
    await page.locator('section[aria-labelledby="roadmap-title"]').getByText(objective).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(await page.graphqlErrors()).toEqual([]);
    expect(page.errors).toEqual([]);

    const admin = await openPage('/?lang=fr', { locale: 'fr-FR' });
    await signIn(admin, 'admin');
    const trail = await admin.request.get(url(`/api/v1/audit.csv?action=roadmap.&target=${code}`));
    expect(await trail.text()).toContain(objective);

    const reader = await openPage('/?lang=fr', { locale: 'fr-FR' });
    await signIn(reader, 'reader');
    await reader.goto(url(`/territories/${code}?lang=fr`), { waitUntil: 'networkidle' });
    await reader.locator('section[aria-labelledby="roadmap-title"]').waitFor();
    expect(await reader.getByRole('button', { name: /^Choisir les .* suivis$/ }).count()).toBe(0);
  });
});
