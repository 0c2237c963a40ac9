export * from './manifest';
export * from './settings.schema';
export * from './help-article';
