export * from './module-problem';
export * from './order-modules';
export * from './resolve-module-package';
export * from './loaded-modules';
export * from './load-modules';
export { manifestSchema } from './manifest.schema';
export * from './module-settings';
export * from './describe-settings-form';
export * from './settings-overrides';
