// Policy page ("fiche chantier") at a territory against the real API, and its printable briefing.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { checkAccessibility, e2eTarget, graphql, openPage, screenshot } from '../support';
import { hierarchy, home, instanceInfo, territories } from './dashboard/dashboard-data';

interface PolicyAt {
  policy: { name: string; owners: { name: string; email: string }[] };
  territory: { name: string; parent: { code: string; name: string } | null };
  indicators: { indicator: { name: string } }[];
}

async function policyAt(policyId: string, territoryCode: string): Promise<PolicyAt> {
  const { policyAt: view } = await graphql<{ policyAt: PolicyAt }>(
    `query($p: ID!, $t: String!) { policyAt(policyId: $p, territoryCode: $t) {
      policy { name owners { name email } } territory { name parent { code name } } indicators { indicator { name } } } }`,
    { p: policyId, t: territoryCode },
  );
  return view;
}

/** A policy at a territory of the third level (a département in the French hierarchy). */
async function target(): Promise<{ policyId: string; code: string }> {
  const levels = await hierarchy();
  const level = levels[Math.min(2, levels.length - 1)];
  const all = await territories(level.id);
  const code = all.find((t) => t.code === 'D13')?.code ?? all[0].code;
  const rows = (await home(code)).policies;
  return { policyId: rows[0].policy.id, code };
}

describe(`policy page: ${e2eTarget().instance}`, () => {
  test('shows the policy at a territory with owners, rates, indicators and charts, in every locale', async () => {
    const { policyId, code } = await target();
    const expected = await policyAt(policyId, code);
    for (const locale of (await instanceInfo()).locales) {
      const page = await openPage(`/policies/${policyId}?territory=${code}&lang=${locale}`, { locale });
      await page.getByRole('heading', { level: 1, name: expected.policy.name }).waitFor();
      await page.getByRole('heading', { level: 3 }).first().waitFor();
      await page.locator('figure svg[role="img"]').first().waitFor();
      await screenshot(`policy-${policyId}-${code}-${locale}`, page);
      expect(await page.graphqlErrors()).toEqual([]);
      expect(page.errors).toEqual([]);
      for (const indicator of expected.indicators) await page.getByRole('heading', { level: 3, name: indicator.indicator.name }).first().waitFor();
      for (const owner of expected.policy.owners) {
        expect(await page.locator(`a[href^="mailto:${owner.email}"]`).count()).toBe(1);
      }
      await checkAccessibility(page);
      await page.context().close();
    }
  });

  test('goes up to the parent territory, and prints a clean briefing', async () => {
    const { policyId, code } = await target();
    const expected = await policyAt(policyId, code);
    const page = await openPage(`/policies/${policyId}?territory=${code}`);
    await page.getByRole('heading', { level: 1, name: expected.policy.name }).waitFor();
    if (expected.territory.parent) {
      await page.getByRole('button', { name: new RegExp(expected.territory.parent.name) }).click();
      await page.waitForURL(new RegExp(`territory=${expected.territory.parent.code}`));
      await page.getByText(new RegExp(`^${expected.territory.parent.name} ·`)).waitFor();
      expect(await page.graphqlErrors()).toEqual([]);
    }
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: /Imprimer/ }).isVisible()).toBe(false);
    expect(await page.locator('.print-only').first().isVisible()).toBe(true);
    const dir = path.resolve(__dirname, '../../../test-results/screenshots', e2eTarget().instance);
    mkdirSync(dir, { recursive: true });
    const pdf = await page.pdf({ path: path.join(dir, `policy-${policyId}-briefing.pdf`), format: 'A4' });
    expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
    await screenshot(`policy-${policyId}-print`, page);
  });

  test('an unknown policy says so', async () => {
    const { code } = await target();
    const page = await openPage(`/policies/NO-SUCH-POLICY?territory=${code}`);
    await page.getByRole('heading', { level: 1, name: /introuvable/ }).waitFor();
    await page.getByRole('link', { name: /Revenir au tableau de bord/ }).waitFor();
    await checkAccessibility(page);
  });
});
