export * from './start-test-kit';
