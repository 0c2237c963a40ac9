// Server entry: what a module's Nest part and the API host import. Never imported by the browser.
export * from '../common';
export * from './server-part.types';
export * from './define-connector';
export * from './jobs';
// Connectors that feed indicators: the contract, HTTP reading with the kit's limits, secrets by name.
export * from './sources';
export * from '../loader';
export { KIT_CONTEXT, UserFacingError, type KitContext } from '@pilote/core';
// The dashboard data's revision: changes when any process commits a write to it (ADR 028). A module
// caching something derived from territories or rates keeps it while the revision is the same.
export { readDataRevision } from '@pilote/core';
// Every resolver and route of a module declares who may call it (undeclared ones are refused):
// `@Can('read', 'HelpArticle')`, `@SignedIn(reason)` or `@Public(reason)`.
export { Can, Public, SignedIn, territoryArg } from '@pilote/core';
// Declared costs for a module's light root queries (`@Query(() => T, { complexity: LIST_QUERY_COST })`).
export { LIGHT_QUERY_COST, LIST_QUERY_COST } from '@pilote/core';
// Helpers for connectors: the kit's RFC 4180 reader (`;` or `,` detected from the header).
export { parseDelimited } from '@pilote/core';
