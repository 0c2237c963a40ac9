// Data entry (issue 7): a demo agent submits a value on /entry and sees it proposed beside the
// official one. It adds a submitted proposal (never a published value): other specs' numbers do not move.
import frCore from '../../../libs/i18n/src/locales/fr/core.json';
import { checkAccessibility, e2eTarget, openPage, screenshot, url } from '../support';

interface Me { assignments: { roleId: string; scope: { kind: string; territoryCode?: string } }[] }
interface Sheet { policy: { name: string }; indicators: { id: string; name: string; enteredKinds: string[] }[] }

describe(`data entry: ${e2eTarget().instance}`, () => {
  test('a demo agent submits a current value and sees it proposed, with its effect on the rates', async () => {
    const page = await openPage('/?lang=fr', { locale: 'fr-FR' });
    const login = await page.request.post(url('/auth/demo-login'), { data: { role: 'deconcentrated-service' } });
    expect(login.status()).toBe(200);
    const me = (await (await page.request.get(url('/auth/me'))).json()) as Me;
    const territory = me.assignments.find((a) => a.roleId === 'deconcentrated-service')?.scope.territoryCode;
    expect(territory).toBeTruthy();
    const ask = async <T>(query: string, variables: Record<string, unknown>) =>
      ((await (await page.request.post(url('/graphql'), { data: { query, variables } })).json()) as { data: T }).data;

    // A policy of the agent's territory with an indicator whose current value is entered there.
    const { home } = await ask<{ home: { policies: { policy: { id: string } }[] } }>(`query($t: String!) { home(territoryCode: $t) { policies { policy { id } } } }`, { t: territory });
    let found: { policyId: string; sheet: Sheet } | null = null;
    for (const { policy } of home.policies) {
      const { entrySheet } = await ask<{ entrySheet: Sheet }>(`query($t: String!, $p: String!) { entrySheet(territoryCode: $t, policyId: $p) { policy { name } indicators { id name enteredKinds } } }`, { t: territory, p: policy.id });
      if (entrySheet.indicators.some((i) => i.enteredKinds.includes('VA'))) {
        found = { policyId: policy.id, sheet: entrySheet };
        break;
      }
    }

    if (!found) {
      // An instance whose agents' level enters nothing still gets a clear page, not an error.
      await page.goto(url(`/entry?territory=${territory}&policy=${home.policies[0].policy.id}&lang=fr`), { waitUntil: 'networkidle' });
      await page.getByRole('heading', { level: 1 }).waitFor();
      await screenshot('entry-nothing-entered', page);
      expect(await page.graphqlErrors()).toEqual([]);
      return;
    }
    const indicator = found.sheet.indicators.find((i) => i.enteredKinds.includes('VA'))!;
    await page.goto(url(`/entry?territory=${territory}&policy=${found.policyId}&lang=fr`), { waitUntil: 'networkidle' });
    await page.getByRole('heading', { level: 1, name: new RegExp(found.sheet.policy.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).waitFor();
    const card = page.getByRole('region', { name: indicator.name });
    await card.getByLabel(frCore.entry.value, { exact: true }).fill('123,5');
    await card.getByRole('button', { name: frCore.entry.propose, exact: true }).click();
    await page.getByText(new RegExp(`^(${frCore.entry.done}|${frCore.entry.failed.split(' :')[0]})`)).first().waitFor();
    expect(await page.getByText(frCore.entry.failed.split(' :')[0]).allTextContents()).toEqual([]);
    await page.getByText(frCore.entry.done).waitFor();
    const proposals = card.getByRole('list', { name: frCore.entry.proposals });
    await proposals.getByText(frCore.entry.states.submitted).first().waitFor();
    await proposals.getByText(/123,5/).first().waitFor();
    // The effect of the pending proposal on the rates (before → after) replaces the empty message.
    const effect = page.getByRole('region', { name: frCore.entry.effect });
    await effect.getByRole('columnheader', { name: frCore.entry.after }).waitFor();
    await screenshot('entry-proposed', page);
    expect(await page.graphqlErrors()).toEqual([]);
    expect(page.errors).toEqual([]);
    await checkAccessibility(page);
  });
});
