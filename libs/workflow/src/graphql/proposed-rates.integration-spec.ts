import { AS_OF, ITEM_FIELDS, rate, startWorkflowApp, type WorkflowTestApp } from '../../test/support';

interface Explained { ruleId: string; formula: string; value: number | null; inputs: { role: string; value: number | null }[] }
interface Proposed { asOf: string; annual: { value: number | null; explanation: Explained }; global: { value: number | null; reason: string | null; explanation: Explained } }
type Item = { id: string; state: string; proposedRates: Proposed | null };

const RATES = `proposedRates { asOf annual { value explanation { ruleId formula value inputs { role value } } } global { value reason explanation { ruleId formula value inputs { role value } } } }`;
const PROPOSE = `mutation($input: ValueProposalInput!) { proposeValue(input: $input) { ${ITEM_FIELDS} ${RATES} } }`;
const TO_REVIEW = `{ itemsToReview { id state ${RATES} } }`;
const EFFECT = `{ entrySheet(territoryCode: "D13", policyId: "POL-W") { effect { scope id territoryCode after { annual global } } } }`;
const input = (kind: string, value: number, date = '2024-09-30') => ({ input: { indicatorId: 'IND-W', territoryCode: 'D13', kind, date, value } });

describe('rates of proposed values (the workflow item says what it would give)', () => {
  let app: WorkflowTestApp;
  beforeAll(async () => {
    app = await startWorkflowApp({ mail: null });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('gives a proposed current value the rates it would have once published, explained, without changing the published ones', async () => {
    const proposed = await app.as<{ proposeValue: Item }>('departmentalAgentD13', PROPOSE, input('VA', 30));
    expect(proposed.errors).toBeUndefined();
    const item = proposed.data!.proposeValue;
    // D13: VI 10, VC 50; the proposal 30 → (30 − 10) / (50 − 10) = 50 %, the published rate staying at 25 %.
    expect(item.proposedRates?.asOf).toBe(AS_OF);
    expect(item.proposedRates?.global.value).toBeCloseTo(50);
    expect(item.proposedRates?.global.explanation).toMatchObject({ ruleId: 'indicator-rate.proposed-global' });
    expect(item.proposedRates?.global.explanation.formula).toMatch(/30/);
    expect(item.proposedRates?.global.explanation.inputs).toContainEqual(expect.objectContaining({ value: 30 }));
    expect(await rate(app.context.dataSource, 'indicator_state', 'IND-W', 'D13')).toBe(25);

    // The validator sees the same, and the entry sheet's effect (the value written, then rolled back) agrees.
    const review = await app.as<{ itemsToReview: Item[] }>('departmentalCoordinatorD13', TO_REVIEW);
    expect(review.errors).toBeUndefined();
    const seen = review.data!.itemsToReview.find((i) => i.id === item.id)!;
    expect(seen.proposedRates?.global.value).toBeCloseTo(50);
    const sheet = await app.as<{ entrySheet: { effect: { scope: string; id: string; territoryCode: string; after: { annual: number | null; global: number | null } }[] } }>('departmentalCoordinatorD13', EFFECT);
    const effect = sheet.data!.entrySheet.effect.find((e) => e.scope === 'indicator' && e.id === 'IND-W' && e.territoryCode === 'D13')!;
    expect(seen.proposedRates!.global.value).toBeCloseTo(effect.after.global!, 9);
    if (effect.after.annual === null) expect(seen.proposedRates!.annual.value).toBeNull();
    else expect(seen.proposedRates!.annual.value).toBeCloseTo(effect.after.annual, 9);
  });

  it('has none for a target, nor once the value is published', async () => {
    const target = await app.as<{ proposeValue: Item }>('departmentalAgentD13', PROPOSE, input('VC', 60, '2025-12-31'));
    expect(target.errors).toBeUndefined();
    expect(target.data!.proposeValue.proposedRates).toBeNull();
    const review = await app.as<{ itemsToReview: Item[] }>('departmentalCoordinatorD13', TO_REVIEW);
    const va = review.data!.itemsToReview.find((i) => i.proposedRates !== null)!;
    const validated = await app.as('departmentalCoordinatorD13', `mutation($id: ID!) { validateWorkflowItem(id: $id) { id } }`, { id: va.id });
    expect(validated.errors).toBeUndefined();
    const published = await app.as<{ publishWorkflowItem: Item }>('nationalSteering', `mutation($id: ID!) { publishWorkflowItem(id: $id) { id state ${RATES} } }`, { id: va.id });
    expect(published.errors).toBeUndefined();
    expect(published.data!.publishWorkflowItem).toMatchObject({ state: 'published', proposedRates: null });
    expect(await rate(app.context.dataSource, 'indicator_state', 'IND-W', 'D13')).toBe(50); // what it said it would give
  });
});
