/** Nest injection tokens of the auth module. */
export const AUTH_SETTINGS = Symbol('AUTH_SETTINGS');
export const OIDC_CLIENT = Symbol('OIDC_CLIENT');
