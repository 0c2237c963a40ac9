// Server entry: what a module's Nest part and the API host import. Never imported by the browser.
export * from '../common';
export * from './server-part.types';
export * from './define-connector';
export * from '../loader';
export { KIT_CONTEXT, UserFacingError, type KitContext } from '@pilote/core';
// Permission checks on a module's resolvers and routes: `@Can('read', 'HelpArticle')`.
export { Can } from '@pilote/auth';
// Helpers for connectors: the kit's RFC 4180 reader (`;` or `,` detected from the header).
export { parseDelimited } from '@pilote/core';
