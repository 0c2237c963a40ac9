// "Explain this number": from a rate of the home table to the formula and its inputs, drilling
// down into an indicator, then into the territories that make up an aggregate — in French, with
// French numbers and units, never a rule id or an English sentence from the server (issue 20), and
// with the drawer in the URL so a shared link opens the same explanation.
import type { Page } from 'playwright-core';
import { checkAccessibility, e2eTarget, graphql, openPage, screenshot } from '../support';
import { hierarchy, home, territories, TEXT } from './dashboard/dashboard-data';

interface Explanation { title: string; formula: string; unit: string | null; value: number | null; inputs: { role: string; label: string; ref: string | null }[] }

async function explanation(id: string): Promise<Explanation> {
  const { explanation: e } = await graphql<{ explanation: Explanation }>('query($id: ID!) { explanation(id: $id) { title formula unit value inputs { role label ref } } }', { id });
  return e;
}

// What the engine writes in English for logs; none of it may reach a French reader.
const ENGLISH = /\b(sum of|mean of|median of|lowest of|highest of|weight \d|excluded|not computable|no value|clamped|needs every|coverage|territories|values?)\b/i;
const RULE_ID = /\b[a-z]+(-[a-z]+)*\.[a-z]+(-[a-z]+)*\b/;

/** The open drawer says nothing in English, no rule id, no decimal point, and "%" only for a rate. */
async function expectFrench(page: Page, shown: Explanation): Promise<void> {
  const dialog = page.getByRole('dialog');
  const text = (await dialog.textContent()) ?? '';
  expect(text).not.toMatch(ENGLISH);
  expect(text).not.toMatch(RULE_ID);
  expect(text).not.toContain(shown.formula);
  const formula = (await dialog.locator('pre').textContent()) ?? '';
  expect(formula).not.toMatch(/\d\.\d/);
  const value = (await dialog.getByTestId('explain-value').textContent()) ?? '';
  if (shown.unit === 'amount') expect(value).not.toContain('%');
  if (shown.unit === 'rate' && shown.value !== null) expect(value).toMatch(/%$/);
}

describe(`explain panel: ${e2eTarget().instance}`, () => {
  test('opens the formula of a policy rate, drills into an indicator and its contributing territories, in French, and comes back', async () => {
    const [top] = await hierarchy();
    const [first] = await territories(top.id, 1);
    const row = (await home(first.code)).policies.find((r) => r.globalRate.value !== null);
    if (!row) return;
    const policyExplanation = await explanation(row.globalRate.explanationId);
    const page = await openPage(`/?level=${top.id}&territory=${first.code}`);
    // The page itself shows no reason in the server's English (a rate cell's missing-rate reason is a code).
    expect((await page.locator('main').textContent()) ?? '').not.toMatch(/No value yet|No rate for|needs every weighted|not computable|Partial coverage/);
    await page.getByRole('button', { name: new RegExp(`Taux global – ${row.policy.name}`) }).first().click();
    const dialog = page.getByRole('dialog', { name: policyExplanation.title });
    await dialog.waitFor();
    await dialog.locator('pre').waitFor();
    await expectFrench(page, policyExplanation);
    expect(new URL(page.url()).searchParams.get('explain')).toBe(row.globalRate.explanationId);
    await screenshot('explain-policy', page);
    await checkAccessibility(page, { include: '[role="dialog"]' });

    const indicator = policyExplanation.inputs.find((i) => i.ref);
    if (!indicator?.ref) return;
    const indicatorExplanation = await explanation(indicator.ref);
    await dialog.getByRole('button', { name: indicator.label }).click();
    const drilled = page.getByRole('dialog', { name: indicatorExplanation.title });
    await drilled.locator('pre').waitFor();
    await expectFrench(page, indicatorExplanation);
    await screenshot('explain-indicator', page);

    // The current value lists how it was obtained (the territories it adds up, or its entry).
    const current = indicatorExplanation.inputs.find((i) => i.role === 'current' && i.ref);
    if (current?.ref) {
      const aggregate = await explanation(current.ref);
      await drilled.getByRole('button', { name: /Valeur actuelle/ }).click();
      await page.getByRole('dialog').getByTestId('explain-value').filter({ hasNotText: '%' }).waitFor();
      await expectFrench(page, aggregate);
      // A shared link opens the same explanation.
      const shared = await openPage(new URL(page.url()).pathname + new URL(page.url()).search);
      await shared.getByRole('dialog', { name: aggregate.title }).locator('pre').waitFor();
      await expectFrench(shared, aggregate);
      await shared.close();
      const childButtons = page.getByRole('dialog').getByRole('row').getByRole('button');
      if ((await childButtons.count()) > 0) {
        await childButtons.first().click();
        await page.getByRole('dialog').getByTestId('explain-value').waitFor();
      }
      await screenshot('explain-children', page);
      await checkAccessibility(page, { include: '[role="dialog"]' });
    }
    expect(await page.graphqlErrors()).toEqual([]);
    expect(page.errors).toEqual([]);

    // Back up the stack to the policy formula, then close. The stack is the URL's `explain` list and
    // the router re-renders after the navigation: wait for each step, or the next click would reach
    // the Back button of the explanation just left.
    const depth = () => (new URL(page.url()).searchParams.get('explain') ?? '').split(',').filter(Boolean).length;
    while (depth() > 1) {
      const before = depth();
      await page.getByRole('dialog').getByRole('button', { name: new RegExp(TEXT.fr.back) }).click();
      await page.waitForFunction((n) => (new URL(location.href).searchParams.get('explain') ?? '').split(',').filter(Boolean).length === n, before - 1);
    }
    await page.getByRole('dialog').getByRole('button', { name: new RegExp(TEXT.fr.back) }).waitFor({ state: 'detached' });
    await page.getByRole('dialog', { name: policyExplanation.title }).locator('pre').waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Fermer' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    expect(new URL(page.url()).searchParams.get('explain')).toBeNull();
  });
});
