export * from './server';
export * from './app.module';
export * from './web/serve-web-app';
