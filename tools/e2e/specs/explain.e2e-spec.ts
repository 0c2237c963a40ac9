// "Explain this number": from a rate of the home table to the formula and its inputs, drilling
// down into an indicator, then into the territories that make up an aggregate.
import { checkAccessibility, e2eTarget, graphql, openPage, screenshot } from '../support';
import { hierarchy, home, territories, TEXT } from './dashboard/dashboard-data';

interface Explanation { title: string; formula: string; inputs: { role: string; label: string; ref: string | null }[] }

async function explanation(id: string): Promise<Explanation> {
  const { explanation: e } = await graphql<{ explanation: Explanation }>('query($id: ID!) { explanation(id: $id) { title formula inputs { role label ref } } }', { id });
  return e;
}

describe(`explain panel: ${e2eTarget().instance}`, () => {
  test('opens the formula of a policy rate, drills into an indicator and its contributing territories, and comes back', async () => {
    const [top] = await hierarchy();
    const [first] = await territories(top.id, 1);
    const row = (await home(first.code)).policies.find((r) => r.globalRate.value !== null);
    if (!row) return;
    const policyExplanation = await explanation(row.globalRate.explanationId);
    const page = await openPage(`/?level=${top.id}&territory=${first.code}`);
    await page.getByRole('button', { name: new RegExp(`Taux global – ${row.policy.name}`) }).first().click();
    const dialog = page.getByRole('dialog', { name: policyExplanation.title });
    await dialog.waitFor();
    await dialog.locator("pre", { hasText: policyExplanation.formula }).waitFor();
    await screenshot('explain-policy', page);
    await checkAccessibility(page, { include: '[role="dialog"]' });

    const indicator = policyExplanation.inputs.find((i) => i.ref);
    if (!indicator?.ref) return;
    const indicatorExplanation = await explanation(indicator.ref);
    await dialog.getByRole('button', { name: indicator.label }).click();
    const drilled = page.getByRole('dialog', { name: indicatorExplanation.title });
    await drilled.locator("pre", { hasText: indicatorExplanation.formula }).waitFor();
    await screenshot('explain-indicator', page);

    // The current value of an aggregate lists the territories it adds up; each opens its own rate.
    const current = indicatorExplanation.inputs.find((i) => i.role === 'current' && i.ref);
    if (current?.ref) {
      const aggregate = await explanation(current.ref);
      await drilled.getByRole('button', { name: /Valeur actuelle/ }).click();
      await page.getByRole("dialog").locator("pre", { hasText: aggregate.formula }).waitFor();
      const childButtons = page.getByRole('dialog').getByRole('row').getByRole('button');
      if ((await childButtons.count()) > 0) {
        await childButtons.first().click();
        await page.getByRole('dialog').getByText(/^100 × |clamped|%/).first().waitFor();
      }
      await screenshot('explain-children', page);
      await checkAccessibility(page, { include: '[role="dialog"]' });
    }
    expect(await page.graphqlErrors()).toEqual([]);
    expect(page.errors).toEqual([]);

    // Back up the stack to the policy formula, then close.
    while (await page.getByRole('dialog').getByRole('button', { name: new RegExp(TEXT.fr.back) }).count()) {
      await page.getByRole('dialog').getByRole('button', { name: new RegExp(TEXT.fr.back) }).click();
    }
    await page.getByRole("dialog", { name: policyExplanation.title }).locator("pre", { hasText: policyExplanation.formula }).waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Fermer' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
  });
});
