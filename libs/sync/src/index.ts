export * from './cron';
export * from './binding';
export * from './spool-records';
export * from './run-sync';
export * from './sync-jobs';
export * from './graphql/sync.types';
export * from './graphql/sync.resolver';
export * from './graphql/sync.module';
