// Home page of the dashboard against the real API: default territory, selectors, filters in the
// URL, régions and départements (overseas included), EPCI and communes from the instance's
// geometry files (map module), language switch, CSV/XLSX export, axe.
import { readFileSync } from 'node:fs';
import { checkAccessibility, e2eTarget, get, graphql, openPage, screenshot } from '../support';
import { hierarchy, home, instanceInfo, policyWord, tableRows, territories, TEXT } from './dashboard/dashboard-data';

const h1 = (page: import('playwright-core').Page) => page.getByRole('heading', { level: 1 });

describe(`home page: ${e2eTarget().instance}`, () => {
  test('opens on the territory of the broadest level, with every policy of the API, in every locale', async () => {
    const { locales } = await instanceInfo();
    const [top] = await hierarchy();
    const [first] = await territories(top.id, 1);
    const expected = await home(first.code);
    for (const locale of locales) {
      const page = await openPage('/', { locale });
      await h1(page).filter({ hasText: first.name }).waitFor();
      await tableRows(page, new RegExp(first.name)).first().waitFor();
      await screenshot(`home-${first.code}-${locale}`, page);
      expect(await page.graphqlErrors()).toEqual([]);
      expect(page.errors).toEqual([]);
      expect(new URL(page.url()).searchParams.get('territory')).toBe(first.code);
      expect(await tableRows(page, new RegExp(first.name)).count()).toBe(expected.policies.length);
      for (const row of expected.policies.slice(0, 3)) await page.getByRole('link', { name: row.policy.name, exact: true }).first().waitFor();
      await checkAccessibility(page);
      await page.context().close();
    }
  });

  test('chooses a level and a territory with the selectors; the map goes one level down', async () => {
    const levels = await hierarchy();
    const second = levels[1];
    if (!second) return;
    const [region] = await territories(second.id, 1);
    const expected = await home(region.code);
    const page = await openPage('/');
    await page.getByLabel(TEXT.fr.level).selectOption(second.id);
    await page.getByLabel(TEXT.fr.territory, { exact: true }).selectOption(region.code);
    await h1(page).filter({ hasText: region.name }).waitFor();
    const url = new URL(page.url());
    expect([url.searchParams.get('level'), url.searchParams.get('territory')]).toEqual([second.id, region.code]);
    await tableRows(page, new RegExp(region.name)).first().waitFor();
    await screenshot(`home-${region.code}`, page);
    expect(await tableRows(page, new RegExp(region.name)).count()).toBe(expected.policies.length);
    if (expected.mapLevel) {
      await page.locator('summary').filter({ hasText: /tableau|table/i }).first().click();
      const mapTable = page.locator('details[open] table');
      await mapTable.waitFor();
      expect(await mapTable.locator('tbody tr').count()).toBe(expected.map.length);
    }
    expect(await page.graphqlErrors()).toEqual([]);
    await checkAccessibility(page);
  });

  test('a département shows the map of all départements, overseas ones included', async () => {
    const levels = await hierarchy();
    const dept = levels.find((l) => l.hasMap && levels.indexOf(l) >= 2);
    if (!dept) return;
    const all = await territories(dept.id);
    for (const code of ['D13', 'D971'].filter((c) => all.some((t) => t.code === c))) {
      const name = all.find((t) => t.code === code)?.name as string;
      const expected = await home(code);
      const page = await openPage(`/?level=${dept.id}&territory=${code}`);
      await h1(page).filter({ hasText: name }).waitFor();
      await page.getByRole('img', { name: /Carte|Map/ }).waitFor();
      await screenshot(`home-${code}`, page);
      expect(expected.map.length).toBe(all.length);
      await page.locator('summary').filter({ hasText: /tableau|table/i }).first().click();
      expect(await page.locator('details[open] table tbody tr').count()).toBe(all.length);
      // The overseas départements are drawn as tiles beside the mainland.
      if (code === 'D971') await page.getByRole('listitem', { name: new RegExp(name) }).waitFor();
      expect(await page.graphqlErrors()).toEqual([]);
      expect(page.errors).toEqual([]);
      await checkAccessibility(page);
    }
  });

  test('draws the EPCI or communes of a territory where the instance provides their geometry', async () => {
    const listed = await get('/api/v1/modules/map/geometry');
    const available = listed.ok ? ((await listed.json()) as { levels: { level: string; available: boolean }[] }).levels.filter((l) => l.available).map((l) => l.level) : [];
    // The ANCT-like example ships real EPCI and commune boundaries (examples/anct-crte/data/geometry).
    if (e2eTarget().instance === 'anct-crte') expect(available).toEqual(expect.arrayContaining(['EPCI', 'COM']));
    const finer = (await hierarchy()).slice(2).filter((l) => available.includes(l.id));
    for (const level of finer) {
      const all = (await (await get(`/api/v1/modules/map/geometry/${level.id}`)).json()) as { areas: { code: string }[] };
      // The parent of a territory that has a shape: its home map is drawn from the geometry.
      const { territoryView } = await graphql<{ territoryView: { parent: { code: string; name: string } | null } }>('query($c: String!) { territoryView(code: $c) { parent { code name } } }', { c: all.areas[0].code });
      const parent = territoryView.parent as { code: string; name: string };
      const expected = await home(parent.code);
      expect(expected.mapLevel).toBe(level.id);
      const shapes = (await (await get(`/api/v1/modules/map/geometry/${level.id}?within=${parent.code}`)).json()) as { areas: { code: string }[] };
      const page = await openPage(`/?level=${expected.territory.level}&territory=${parent.code}`);
      await h1(page).filter({ hasText: parent.name }).waitFor();
      const map = page.getByRole('img', { name: /Carte|Map/ });
      await map.waitFor();
      await screenshot(`home-${level.id}-map-${parent.code}`, page);
      expect(await map.locator('path[data-code]').count()).toBe(shapes.areas.filter((a) => expected.map.some((m) => m.code === a.code)).length);
      expect(await map.locator('path[data-code]').count()).toBeGreaterThan(0);
      await page.getByRole('list', { name: /Légende|Legend/ }).waitFor();
      await page.locator('summary').filter({ hasText: /tableau|table/i }).first().click();
      expect(await page.locator('details[open] table tbody tr').count()).toBe(expected.map.length);
      expect(await page.graphqlErrors()).toEqual([]);
      expect(page.errors).toEqual([]);
      await checkAccessibility(page);
      await page.context().close();
    }
  });

  test('filters are kept in the URL and match the API; the filtered table exports to CSV and XLSX', async () => {
    // A territory where the "with alerts" filter keeps some policies and drops others (data depend on the day).
    const levels = await hierarchy();
    const candidates = (await Promise.all(levels.slice(0, 3).map(async (l) => (await territories(l.id, 20)).map((t) => ({ ...t, level: l.id }))))).flat();
    let chosen: { code: string; name: string; level: string; count: number } | undefined;
    for (const candidate of candidates) {
      const [all, alerts] = await Promise.all([home(candidate.code), home(candidate.code, { alertsOnly: true })]);
      if (alerts.policies.length > 0 && alerts.policies.length < all.policies.length) {
        chosen = { ...candidate, count: alerts.policies.length };
        break;
      }
    }
    if (!chosen) throw new Error('No territory of the first levels has some policies with alerts and some without: cannot test the filter.');
    const first = chosen;
    const expected = await home(first.code, { alertsOnly: true });
    const page = await openPage(`/?level=${first.level}&territory=${first.code}`);
    await tableRows(page, new RegExp(first.name)).first().waitFor();
    await page.getByLabel(/en alerte|with alerts/i).click();
    await page.waitForURL(/alerts=1/);
    await page.getByText(new RegExp(`^${expected.policies.length} lignes? sur ${expected.policies.length}$`)).waitFor();
    await screenshot(`home-filtered`, page);
    expect(await tableRows(page, new RegExp(first.name)).count()).toBe(expected.policies.length);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: TEXT.fr.export }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const csv = readFileSync(await download.path(), 'utf8').replace(/^\ufeff/, '');
    const lines = csv.trim().split(/\r\n/);
    // The column is named with the instance's own word (chantier, action…).
    expect(lines[0].split(';').slice(0, 3)).toEqual(['Code', await policyWord(), 'Taux global']);
    expect(lines.slice(1).map((line) => line.split(';')[0]).sort()).toEqual(expected.policies.map((p) => p.policy.code).sort());

    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: TEXT.fr.exportXlsx }).click()]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    const bytes = readFileSync(await xlsx.path());
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    for (const row of expected.policies) expect(bytes.includes(Buffer.from(row.policy.code))).toBe(true);
    await checkAccessibility(page);
  });

  test('switches language and keeps it while following links', async () => {
    const { locales } = await instanceInfo();
    if (!locales.includes('en') || !locales.includes('fr')) return;
    const page = await openPage('/', { locale: 'fr-FR' });
    await tableRows(page, /./).first().waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    await page.getByRole('button', { name: TEXT.fr.english }).click();
    await page.waitForURL(/lang=en/);
    await page.getByRole('button', { name: TEXT.en.export }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await screenshot('home-switched-en', page);
    await page.locator('tbody tr a').first().click();
    await page.waitForURL(/\/policies\/.*lang=en/);
    await h1(page).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.graphqlErrors()).toEqual([]);
    await checkAccessibility(page);
  });

  test('an unknown territory code says so and offers the way back', async () => {
    const page = await openPage('/?territory=X99');
    await page.getByText(/X99/).waitFor();
    await screenshot('home-unknown-territory', page);
    await page.getByRole('button', { name: /Revenir au tableau de bord/ }).click();
    await tableRows(page, /./).first().waitFor();
    expect(new URL(page.url()).searchParams.get('territory')).not.toBe('X99');
  });
});
