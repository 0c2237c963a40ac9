export * from './manifest';
export * from './department-values';
