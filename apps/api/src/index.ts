export * from './server';
export * from './app.module';
export * from './web/serve-web-app';
export * from './modules/load-instance-modules';
