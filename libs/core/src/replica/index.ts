export * from './lsn';
export * from './read-replica';
export * from './read-your-writes';
