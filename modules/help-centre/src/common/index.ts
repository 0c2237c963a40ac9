export * from './manifest';
export * from './help-article';
