export * from './identities';
export * from './graphql-client';
export * from './auth-test-app';
export * from './cookie-jar';
export * from './oidc-test-provider';
export * from './operation-walk';
