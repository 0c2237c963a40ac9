// Territory page against the real API: policies, roadmap, siblings, parent; links between territories.
import { checkAccessibility, e2eTarget, graphql, openPage, screenshot } from '../support';
import { hierarchy, instanceInfo, tableRows, territories } from './dashboard/dashboard-data';

interface TerritoryView {
  territory: { name: string };
  parent: { code: string; name: string } | null;
  rates: unknown[];
  peers: { code: string; name: string }[];
}

async function territoryView(code: string): Promise<TerritoryView> {
  const { territoryView: view } = await graphql<{ territoryView: TerritoryView }>(
    'query($c: String!) { territoryView(code: $c) { territory { name } parent { code name } rates { gapToMedian } peers { code name } } }',
    { c: code },
  );
  return view;
}

async function aDepartment(): Promise<string> {
  const levels = await hierarchy();
  const all = await territories(levels[Math.min(2, levels.length - 1)].id);
  return all.find((t) => t.code === 'D13')?.code ?? all[0].code;
}

describe(`territory page: ${e2eTarget().instance}`, () => {
  test('shows its policies and its same-level siblings, in every locale', async () => {
    const code = await aDepartment();
    const expected = await territoryView(code);
    for (const locale of (await instanceInfo()).locales) {
      const page = await openPage(`/territories/${code}?lang=${locale}`, { locale });
      await page.getByRole('heading', { level: 1, name: expected.territory.name }).waitFor();
      await tableRows(page, new RegExp(`– ${expected.territory.name}$`)).first().waitFor();
      await screenshot(`territory-${code}-${locale}`, page);
      expect(await page.graphqlErrors()).toEqual([]);
      expect(page.errors).toEqual([]);
      expect(await tableRows(page, new RegExp(`– ${expected.territory.name}$`)).count()).toBe(expected.rates.length);
      for (const peer of expected.peers) await page.getByRole('link', { name: peer.name, exact: true }).first().waitFor();
      await checkAccessibility(page);
      await page.context().close();
    }
  });

  test('follows a sibling, then the parent in the breadcrumb, then opens the dashboard of the territory', async () => {
    const code = await aDepartment();
    const expected = await territoryView(code);
    const sibling = expected.peers.find((p) => p.code !== code);
    const page = await openPage(`/territories/${code}`);
    await page.getByRole('heading', { level: 1, name: expected.territory.name }).waitFor();
    if (sibling) {
      await page.getByRole('link', { name: sibling.name, exact: true }).first().click();
      await page.getByRole('heading', { level: 1, name: sibling.name }).waitFor();
      expect(page.url()).toContain(`/territories/${sibling.code}`);
    }
    if (expected.parent) {
      await page.getByRole('navigation', { name: /Fil d'Ariane/ }).getByRole('link', { name: expected.parent.name }).click();
      await page.getByRole('heading', { level: 1, name: expected.parent.name }).waitFor();
      await page.getByRole('link', { name: /Ouvrir le tableau de bord/ }).click();
      await page.waitForURL(new RegExp(`territory=${expected.parent.code}`));
      await page.getByRole('heading', { level: 1, name: new RegExp(expected.parent.name) }).waitFor();
    }
    expect(await page.graphqlErrors()).toEqual([]);
    await screenshot(`territory-followed`, page);
  });

  test('shows the instance\'s data panels: connector rows drawn by a visualisation, with their table and source', async () => {
    const { dataPanels } = await graphql<{ dataPanels: { id: string; title: Record<string, string> | string; zone: string; byTerritory: boolean }[] }>('{ dataPanels { id title zone byTerritory } }');
    const panels = dataPanels.filter((p) => p.zone.startsWith('territory.'));
    if (panels.length === 0) return; // this instance declares none
    const code = await aDepartment();
    const page = await openPage(`/territories/${code}?lang=fr`, { locale: 'fr-FR' });
    for (const panel of panels) {
      const title = typeof panel.title === 'string' ? panel.title : (panel.title.fr ?? Object.values(panel.title)[0]);
      const section = page.getByRole('region', { name: title });
      await section.waitFor();
      const { dataPanelFrame } = await graphql<{ dataPanelFrame: { rows: number } }>('query($p: String!, $t: String) { dataPanelFrame(panelId: $p, territoryCode: $t) { rows } }', { p: panel.id, t: code });
      if (dataPanelFrame.rows > 0) {
        // The chart module draws it (an image with its alternative text) and offers the same rows as a table.
        await section.getByRole('img').first().waitFor();
        await section.getByText(/^Source/).waitFor();
      } else await section.getByRole('status').waitFor();
    }
    await screenshot(`territory-${code}-data-panels`, page);
    expect(await page.graphqlErrors()).toEqual([]);
    expect(page.errors).toEqual([]);
    await checkAccessibility(page);
  });

  test('an unknown territory says so', async () => {
    const page = await openPage('/territories/X99');
    await page.getByRole('heading', { level: 1, name: /introuvable/ }).waitFor();
    expect(await page.graphqlErrors()).toEqual([]);
    await checkAccessibility(page);
  });
});
