/** The rights administration page's documents (/admin/rights, ADR 037): features/rights/rights.graphql. */
import type { RightsAccountsQuery, RightsOptionsQuery } from '../../api/generated/graphql';
export {
  GrantRightDocument as GRANT_RIGHT, OverrideRoleQuotaDocument as OVERRIDE_ROLE_QUOTA, QuotasAtDocument as QUOTAS_AT, RevokeRightDocument as REVOKE_RIGHT,
  RightsAccountsDocument as RIGHTS_ACCOUNTS, RightsOptionsDocument as RIGHTS_OPTIONS, RightsPreviewDocument as RIGHTS_PREVIEW,
} from '../../api/generated/graphql';

export type RightsAccount = RightsAccountsQuery['rightsAccounts']['nodes'][number];
export type RightAssignment = RightsAccount['assignments'][number];
/** A policy or a taxonomy offered in the scope pickers. */
export type NamedOption = RightsOptionsQuery['policies'][number] | RightsOptionsQuery['taxonomies'][number];
