export * from './test-template';
export * from './test-database';
export * from './test-instance';
export * from './test-context';
export * from './compare-with-recomputation';
export * from './streaming-replica';
