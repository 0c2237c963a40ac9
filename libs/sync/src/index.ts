export * from './cron';
export * from './binding';
export * from './spool-records';
export * from './run-sync';
