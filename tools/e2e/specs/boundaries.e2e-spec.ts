// EPCI and commune maps drawn from real boundaries (IGN ADMIN EXPRESS communes, EPCI = their union)
// on the ANCT-like example: the EPCI of Finistère, the communes of Brest Métropole, the credit line
// under the map, no empty path, axe, and a phone without horizontal scroll. Other instances: skipped
// (they ship no EPCI/commune geometry).
import { checkAccessibility, e2eTarget, get, openPage, screenshot } from '../support';

const PHONE = { width: 390, height: 844 };
const CREDIT = /Fond de carte : IGN – ADMIN EXPRESS COG 2018 \(Licence Ouverte \/ Etalab\)/;
const maps = [
  { territory: 'D29', level: 'EPCI', name: 'Finistère', at: 'DEPT' },
  { territory: 'E242900314', level: 'COM', name: 'Brest Métropole', at: 'EPCI' },
];

const run = e2eTarget().instance === 'anct-crte' ? describe : describe.skip;

run(`real boundaries: ${e2eTarget().instance}`, () => {
  test.each(maps)('draws the $level map of $name from real boundaries, with its credit line', async ({ territory, level, name, at }) => {
    const answer = (await (await get(`/api/v1/modules/map/geometry/${level}?within=${territory}`)).json()) as { credit: string; note: string | null; areas: { code: string; d: string }[] };
    expect(answer.credit).toMatch(/IGN – ADMIN EXPRESS COG 2018/);
    expect(answer.note).toBeNull();
    expect(answer.areas.length).toBeGreaterThan(level === 'EPCI' ? 5 : 5);
    for (const viewport of [undefined, PHONE]) {
      const page = await openPage(`/?level=${at}&territory=${territory}&lang=fr`, { locale: 'fr-FR', viewport });
      await page.getByRole('heading', { level: 1 }).filter({ hasText: name }).waitFor();
      const map = page.getByRole('img', { name: /^Carte/ }).first();
      await map.waitFor();
      const paths = map.locator('path[data-code]');
      expect(await paths.count()).toBe(answer.areas.length);
      const ds = await paths.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('d') ?? ''));
      expect(ds.filter((d) => d === '' || d === 'null' || !d.startsWith('M'))).toEqual([]);
      await page.getByText(CREDIT).first().waitFor();
      await screenshot(`boundaries-${level}-${territory}${viewport ? '-phone' : ''}`, page);
      if (viewport) {
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(width).toBeLessThanOrEqual(PHONE.width);
      }
      expect(await page.graphqlErrors()).toEqual([]);
      expect(page.errors).toEqual([]);
      await checkAccessibility(page);
      await page.context().close();
    }
  });
});
