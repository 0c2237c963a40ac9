export * from './login-errors';
