import { GraphQLRequestError } from '../../api/graphql';
import type { CampaignFormOptionsQuery, CampaignPageQuery, CampaignInput } from '../../api/generated/graphql';
export {
  CampaignFormOptionsDocument as CAMPAIGN_FORM_OPTIONS, CampaignListDocument as CAMPAIGN_LIST, CampaignPageDocument as CAMPAIGN_PAGE_QUERY,
  CreateCampaignDocument as CREATE_CAMPAIGN, EditableCampaignDocument as EDITABLE_CAMPAIGN, RemindCampaignDocument as REMIND_CAMPAIGN,
  UpdateCampaignDocument as UPDATE_CAMPAIGN,
} from '../../api/generated/graphql';

export type CampaignFormOptions = CampaignFormOptionsQuery['campaignFormOptions'];

/** What the campaign form edits: the fields createCampaign takes, each one filled. */
export type CampaignFields = Required<CampaignInput>;

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

export type PendingCell = CampaignPageQuery['campaignBoard']['pending'][number];

/** Where a missing value is entered: the entry sheet of its territory and policy. */
export const entryHref = (cell: Pick<PendingCell, 'territoryCode' | 'policyId'>) =>
  `/entry?territory=${encodeURIComponent(cell.territoryCode)}&policy=${encodeURIComponent(cell.policyId)}`;

export const boardCsvHref = (id: string) => `/api/v1/campaigns/${encodeURIComponent(id)}/board.csv`;
