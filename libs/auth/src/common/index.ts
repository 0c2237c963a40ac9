export * from './login-errors';
export * from './login-texts';
