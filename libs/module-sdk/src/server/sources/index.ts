export * from './source-connector.types';
export * from './source-error';
export * from './source-http';
export * from './source-context';
export * from './define-source';
export * from './find-source';
