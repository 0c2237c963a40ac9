// Build entry (`@pilote/module-sdk/build`, the `pilote-module` command): builds a module package.
export * from './build-module';
export { sharedScopePlugin } from './shared-scope-plugin';
