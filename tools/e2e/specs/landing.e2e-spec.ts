// Where users land (issue 20): a user whose rights are bound to one territory opens the dashboard
// and data entry at that territory; a link to any territory shows it and the selectors say so
// (the URL is the state of the view).
import type { Page } from 'playwright-core';
import { checkAccessibility, e2eTarget, openPage, screenshot, url, type OpenedPage } from '../support';
import { hierarchy, TEXT, territories } from './dashboard/dashboard-data';

interface Me { assignments: { roleId: string; scope: { kind: string; territoryCode?: string } }[] }

async function signInAs(role: string): Promise<{ page: OpenedPage; territoryCode: string | undefined }> {
  const page = await openPage('/accessibility?lang=fr', { locale: 'fr-FR' });
  expect((await page.request.post(url('/auth/demo-login'), { data: { role } })).status()).toBe(200);
  const me = (await (await page.request.get(url('/auth/me'))).json()) as Me;
  return { page, territoryCode: me.assignments.find((a) => a.roleId === role)?.scope.territoryCode };
}

/** What the level and territory selectors show: the level's id, and the territory's code (list) or label (search). */
async function selectors(page: Page): Promise<{ level: string; territory: string }> {
  return { level: await page.getByLabel(TEXT.fr.level, { exact: true }).inputValue(), territory: await page.getByLabel(TEXT.fr.territory, { exact: true }).inputValue() };
}

async function territoryName(page: Page, code: string): Promise<{ name: string; level: string }> {
  const answer = await page.request.post(url('/graphql'), { data: { query: 'query($c: String!) { territory(code: $c) { name level } }', variables: { c: code } } });
  return ((await answer.json()) as { data: { territory: { name: string; level: string } } }).data.territory;
}

describe(`where users land: ${e2eTarget().instance}`, () => {
  test('a départemental préfet lands on their territory, and the selectors say which', async () => {
    const { page, territoryCode } = await signInAs('departmental-prefect');
    expect(territoryCode).toBeTruthy();
    const { name, level } = await territoryName(page, territoryCode!);
    await page.goto(url('/?lang=fr'), { waitUntil: 'networkidle' });
    await page.getByRole('heading', { level: 1, name: new RegExp(name) }).waitFor();
    await page.waitForURL((u) => u.searchParams.get('territory') === territoryCode);
    await screenshot('landing-prefect', page);
    expect(await selectors(page)).toEqual({ level, territory: territoryCode });
    expect(page.errors).toEqual([]);
  });

  test('an agent bound to one territory opens data entry at it', async () => {
    const { page, territoryCode } = await signInAs('deconcentrated-service');
    expect(territoryCode).toBeTruthy();
    const { level } = await territoryName(page, territoryCode!);
    await page.goto(url('/entry?lang=fr'), { waitUntil: 'networkidle' });
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.waitForFunction((code) => [...document.querySelectorAll('select')].some((s) => s.value === code), territoryCode);
    await screenshot('landing-entry', page);
    expect(await selectors(page)).toEqual({ level, territory: territoryCode });
    await checkAccessibility(page);
  });

  test('a link to a territory of any level shows it, and the selectors follow', async () => {
    const levels = (await hierarchy()).slice(1);
    for (const level of levels) {
      const all = await territories(level.id, 500);
      // The examples where the instance has them (Finistère, Bretagne), else the first one.
      const target = all.find((t) => t.code === 'D29' || t.code === 'R84') ?? all[0];
      if (!target) continue;
      const page = await openPage(`/?territory=${encodeURIComponent(target.code)}&lang=fr`, { locale: 'fr-FR' });
      await page.getByRole('heading', { level: 1, name: new RegExp(target.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).waitFor();
      await page.waitForFunction((id) => [...document.querySelectorAll('select')].some((s) => s.value === id), level.id);
      // A search field (levels too long for a list) fills in once it has found the territory.
      await page.waitForFunction((label) => [...document.querySelectorAll('label')].some((l) => l.textContent === label && (document.getElementById(l.htmlFor) as HTMLInputElement | null)?.value), TEXT.fr.territory);
      const shown = await selectors(page);
      expect(shown.level).toBe(level.id);
      // A long level is a search field showing "code – name" or the name; a list selects the code.
      expect([target.code, target.name].some((v) => shown.territory === v) || shown.territory.includes(target.name)).toBe(true);
      expect(new URL(page.url()).searchParams.get('level')).toBe(level.id);
      await page.context().close();
    }
  });
});
