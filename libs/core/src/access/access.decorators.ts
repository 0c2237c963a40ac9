import { SetMetadata } from '@nestjs/common';

/**
 * Where an operation (GraphQL query or mutation, REST route) says who may call it. Pure
 * metadata: @pilote/auth's global guard reads it and refuses every operation that has none
 * (fail closed). It lives in the core so that the core, libraries and modules declare their
 * rights next to each operation, although only @pilote/auth enforces them.
 */
export const ACCESS_METADATA = 'pilote:access';

/** Reads the territory a call is about from its arguments (GraphQL args, or REST query + params). */
export type TerritoryFrom = (args: Record<string, unknown>) => string | null | undefined;

/** Reads the policy a call is about from its arguments, for rights limited to policies or taxonomies (ADR 037). */
export type PolicyFrom = (args: Record<string, unknown>) => string | null | undefined;

/** Reads the indicator a call is about: the guard checks its policy, as `policyFrom` does. */
export type IndicatorFrom = (args: Record<string, unknown>) => string | null | undefined;

export interface CanOptions {
  territoryFrom?: TerritoryFrom;
  policyFrom?: PolicyFrom;
  indicatorFrom?: IndicatorFrom;
  /**
   * The operation filters every row it reads by the request's read scope, policy cells included
   * (`scopeSqlForPolicy` on rows that carry a policy, `scopeSql` on rows that mix policies): a
   * right limited to policies may then call it at a territory inside one of its cells (ADR 037,
   * amended). Only for `read Dashboard`, whose scope the request carries; elsewhere it opens nothing.
   */
  policyCells?: true;
}

export type AccessSpec =
  /** Allowed when the caller's ability allows `action` on `subject` (and on the territory and policy, if given). */
  | ({ kind: 'can'; action: string; subject: string } & CanOptions)
  /** Anyone, signed in or not; `reason` says why, for reviewers and the security model page. */
  | { kind: 'public'; reason: string }
  /** Any signed-in user or token; the service checks the object itself (own notifications, scoped lists). */
  | { kind: 'signed-in'; reason: string };

export type CanSpec = Extract<AccessSpec, { kind: 'can' }>;

/** Refuses the resolver or route unless the request's ability allows `action` on `subject`. */
export const Can = (action: string, subject: string, options: CanOptions = {}) =>
  SetMetadata(ACCESS_METADATA, { kind: 'can', action, subject, ...options } satisfies AccessSpec);

/** Open to anonymous callers. A reason is required: a public operation is a decision. */
export const Public = (reason: string) => SetMetadata(ACCESS_METADATA, { kind: 'public', reason } satisfies AccessSpec);

/** Any signed-in caller (401 otherwise); the finer check on the object is done where it is loaded. */
export const SignedIn = (reason: string) => SetMetadata(ACCESS_METADATA, { kind: 'signed-in', reason } satisfies AccessSpec);

/** The territory named by one argument (`territoryCode`, `code`…), for `Can(…, { territoryFrom })`. */
export const territoryArg =
  (name: string): TerritoryFrom =>
  (args) =>
    typeof args[name] === 'string' ? (args[name] as string) : null;

/** The policy named by one argument (`policyId`), for `Can(…, { policyFrom })`. */
export const policyArg =
  (name: string): PolicyFrom =>
  (args) =>
    typeof args[name] === 'string' ? (args[name] as string) : null;

/** The indicator named by one argument (`indicatorId`, `id`), for `Can(…, { indicatorFrom })`. */
export const indicatorArg =
  (name: string): IndicatorFrom =>
  (args) =>
    typeof args[name] === 'string' ? (args[name] as string) : null;
