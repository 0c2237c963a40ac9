export * from './manifest';
export * from './settings.schema';
