export * from './manifest';
export * from './to-series';
