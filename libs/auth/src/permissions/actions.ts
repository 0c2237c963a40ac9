/** Actions a rule can name; `manage` means every action (CASL convention). */
export const ACTIONS = ['read', 'create', 'update', 'delete', 'validate', 'publish', 'import', 'export', 'manage'] as const;
export type Action = (typeof ACTIONS)[number];

/** What an API token's scopes allow: a token never gets more than these, nor more than its owner. */
export const TOKEN_SCOPE_ACTIONS: Record<TokenScope, Action[]> = {
  read: ['read', 'export'],
  write: ['create', 'update', 'delete', 'validate', 'publish'],
  import: ['import'],
};
export const TOKEN_SCOPES = ['read', 'write', 'import'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];
