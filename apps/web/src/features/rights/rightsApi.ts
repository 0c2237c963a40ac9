/** GraphQL documents of the rights administration page (/admin/rights, ADR 037). */

export interface RightScope { kind: string; territoryCode: string | null; ids: string[] | null; policyIds: string[] | null; taxonomyIds: string[] | null }

export interface RightAssignment {
  id: string; roleId: string; scope: RightScope; reason: string | null; grantedByEmail: string | null; source: string; createdAt: string;
}

export interface RightsAccount { id: string; email: string; displayName: string; status: string; lastLoginAt: string | null; assignments: RightAssignment[] }

export interface RoleQuota { roleId: string; territoryCode: string; territoryName: string; max: number; used: number; source: string; overriddenByEmail: string | null; reason: string | null; setAt: string | null }

export interface QuotasAt { territoryCode: string | null; territoryName: string | null; accountsMax: number | null; accountsUsed: number | null; accountsSource: string | null; roles: RoleQuota[] }

export interface NamedOption { id: string; name: string }

const SCOPE = 'scope { kind territoryCode ids policyIds taxonomyIds }';

export const RIGHTS_ACCOUNTS = `query RightsAccounts($search: String, $offset: Int) {
  rightsAccounts(search: $search, first: 50, offset: $offset) {
    totalCount
    nodes { id email displayName status lastLoginAt assignments { id roleId ${SCOPE} reason grantedByEmail source createdAt } }
  }
}`;

export const RIGHTS_OPTIONS = `query RightsOptions {
  roles { id rank label { fr en } description { fr en } }
  policies { id name }
  taxonomies { id name: label }
}`;

export const GRANT_RIGHT = `mutation GrantRight($email: String!, $roleId: ID!, $scope: ScopeInput!, $reason: String) {
  createAssignment(email: $email, roleId: $roleId, scope: $scope, reason: $reason) { id }
}`;

export const REVOKE_RIGHT = `mutation RevokeRight($id: ID!, $reason: String) { removeAssignment(id: $id, reason: $reason) { id revokedAt } }`;

export const QUOTAS_AT = `query QuotasAt($territoryCode: String!) {
  quotasAt(territoryCode: $territoryCode) {
    territoryCode territoryName accountsMax accountsUsed accountsSource
    roles { roleId territoryCode territoryName max used source overriddenByEmail reason setAt }
  }
}`;

export const OVERRIDE_ROLE_QUOTA = `mutation OverrideRoleQuota($territoryCode: String!, $roleId: ID!, $max: Int!, $reason: String!) {
  overrideRoleQuota(territoryCode: $territoryCode, roleId: $roleId, max: $max, reason: $reason) { roleId max }
}`;

export interface RightsPreview {
  rules: { action: string[]; subject: string[] }[];
  territory: { code: string; name: string; count: number } | null;
  policies: { id: string; name: string }[];
  dashboardPath: string;
}

export const RIGHTS_PREVIEW = `query RightsPreview($roleId: ID!, $scope: ScopeInput!) {
  rightsPreview(roleId: $roleId, scope: $scope) { rules { action subject } territory { code name count } policies { id name } dashboardPath }
}`;
