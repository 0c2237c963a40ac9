export * from './job-kind';
export * from './job-settings';
export * from './job-queue';
export * from './job-admin';
