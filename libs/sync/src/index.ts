export * from './cron';
export * from './binding';
export * from './spool-records';
export * from './run-sync';
export * from './sync-jobs';
