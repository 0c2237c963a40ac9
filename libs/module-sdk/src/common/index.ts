export * from './localized-name';
export * from './module-id';
export * from './zones';
export * from './data-frame';
export * from './manifest.types';
export * from './define-module';
export * from './define-instance';
export * from './settings-form.types';
