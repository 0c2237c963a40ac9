export { csrfToken, mutate } from '../../api/mutate';

export const ITEM = 'id subjectKind indicatorId state measureKind date value weather body commentType authorName reason nextSteps submittedAt';

export const ENTRY_SHEET_QUERY = `query EntrySheet($territoryCode: String!, $policyId: String!) {
  entrySheet(territoryCode: $territoryCode, policyId: $policyId) {
    territory { code name level } policy { id name }
    indicators { id name unit direction enteredKinds
      official { initialValue initialDate currentValue currentDate annualTarget annualTargetDate globalTarget globalTargetDate annualRate globalRate }
      proposals { ${ITEM} } }
    narratives { id kind weather body type date author }
    narrativeProposals { ${ITEM} }
    rights { proposeValues validateValues publishValues proposeNarratives validateNarratives publishNarratives }
    effect { scope id name territoryCode territoryName before { annual global } after { annual global } changed }
  }
}`;

export const PROPOSE_VALUE = `mutation ProposeValue($input: ValueProposalInput!, $submit: Boolean!) { proposeValue(input: $input, submit: $submit) { id state } }`;
export const PROPOSE_NARRATIVE = `mutation ProposeNarrative($input: NarrativeProposalInput!, $submit: Boolean!) { proposeNarrative(input: $input, submit: $submit) { id state } }`;
export const STEP_MUTATIONS = {
  submit: `mutation($id: ID!) { submitWorkflowItem(id: $id) { id state } }`,
  validate: `mutation($id: ID!) { validateWorkflowItem(id: $id) { id state } }`,
  refuse: `mutation($id: ID!, $reason: String!) { refuseWorkflowItem(id: $id, reason: $reason) { id state } }`,
  publish: `mutation($id: ID!) { publishWorkflowItem(id: $id) { id state } }`,
} as const;
export type Step = keyof typeof STEP_MUTATIONS;

export const CAMPAIGNS_QUERY = `query Campaigns { campaigns { id name periodStart periodEnd deadline status territoryCodes indicatorIds } }`;
const COUNTS = 'expected published awaiting missing late stale completeness';
export const CAMPAIGN_BOARD_QUERY = `query CampaignBoard($id: ID!) {
  campaignBoard(id: $id) { asOf campaign { id name periodStart periodEnd deadline status assigneeEmails }
    totals { ${COUNTS} } byTerritory { key name ${COUNTS} } byPolicy { key name ${COUNTS} } }
}`;
