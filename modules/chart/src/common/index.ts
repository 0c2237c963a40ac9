export * from './manifest';
export * from './settings.schema';
export * from './to-series';
