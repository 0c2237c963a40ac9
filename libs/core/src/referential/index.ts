export * from './referential.schema';
export * from './referential-error';
export * from './read-referential-files';
export * from './validate-referential';
export * from './apply-referential';
export * from './load-referential';
export * from './export-referential';
export * from './parse-delimited';
