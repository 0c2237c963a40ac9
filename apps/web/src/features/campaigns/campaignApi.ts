import { GraphQLRequestError } from '../../api/graphql';

export interface CampaignIndicatorOption { id: string; name: string; policyId: string; policyName: string; enteredLevels: string[] }
export interface CampaignRoleOption { id: string; fr: string; en: string }
export interface CampaignFormOptions { indicators: CampaignIndicatorOption[]; roles: CampaignRoleOption[] }

export interface CampaignFields {
  name: string;
  periodStart: string;
  periodEnd: string;
  deadline: string;
  indicatorIds: string[];
  territoryCodes: string[];
  assigneeEmails: string[];
  assigneeRoles: string[];
}

export interface EditableCampaign extends Omit<CampaignFields, 'assigneeEmails'> {
  id: string;
  status: string;
  listedAssigneeEmails: string[] | null;
}

export const CAMPAIGN_FORM_OPTIONS = `query CampaignFormOptions { campaignFormOptions { indicators { id name policyId policyName enteredLevels } roles { id fr en } } }`;
export const EDITABLE_CAMPAIGN = `query EditableCampaign($id: ID!) { campaignBoard(id: $id, pendingLimit: 0) { campaign {
  id name periodStart periodEnd deadline status indicatorIds territoryCodes assigneeRoles listedAssigneeEmails } } }`;
export const CREATE_CAMPAIGN = `mutation CreateCampaign($input: CampaignInput!) { createCampaign(input: $input) { id } }`;
export const UPDATE_CAMPAIGN = `mutation UpdateCampaign($id: ID!, $input: CampaignChangeInput!) { updateCampaign(id: $id, input: $input) { id status } }`;
export const REMIND_CAMPAIGN = `mutation RemindCampaign($id: ID!) { remindCampaign(id: $id) { id } }`;

/** The field the API named in its refusal, and its reason code (`campaign.errors.<reason>`). */
export function fieldError(error: unknown): { field: string | null; reason: string | null; message: string } {
  if (!(error instanceof GraphQLRequestError)) return { field: null, reason: null, message: error instanceof Error ? error.message : String(error) };
  const first = error.errors?.[0];
  const extensions = (first?.extensions ?? {}) as { field?: string; reason?: string };
  return { field: extensions.field ?? null, reason: extensions.reason ?? null, message: first?.message ?? error.message };
}

/** Splits what someone typed into e-mail addresses (commas, semicolons, spaces or new lines). */
export function splitEmails(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).map((e) => e.trim().toLowerCase()).filter(Boolean))];
}

export const CAMPAIGN_LIST = `query CampaignList($includeClosed: Boolean!) { campaigns(includeClosed: $includeClosed) { id name periodStart periodEnd deadline status } }`;

export interface PendingCell {
  indicatorId: string; indicatorName: string; policyId: string; policyName: string;
  territoryCode: string; territoryName: string; status: 'missing' | 'awaiting'; late: boolean; stale: boolean; lastDate: string | null;
}

/** Where a missing value is entered: the entry sheet of its territory and policy. */
export const entryHref = (cell: Pick<PendingCell, 'territoryCode' | 'policyId'>) =>
  `/entry?territory=${encodeURIComponent(cell.territoryCode)}&policy=${encodeURIComponent(cell.policyId)}`;

export const boardCsvHref = (id: string) => `/api/v1/campaigns/${encodeURIComponent(id)}/board.csv`;

const COUNTS = 'expected published awaiting missing late stale completeness';
export const CAMPAIGN_PAGE_QUERY = `query CampaignPage($id: ID!) {
  campaignBoard(id: $id, pendingLimit: 200) { asOf campaign { id name periodStart periodEnd deadline status assigneeEmails assigneeRoles }
    totals { ${COUNTS} } byTerritory { key name ${COUNTS} } byPolicy { key name ${COUNTS} }
    pendingCount pending { indicatorId indicatorName policyId policyName territoryCode territoryName status late stale lastDate } }
}`;
