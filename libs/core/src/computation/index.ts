export * from './computation.types';
export * from './explanation-ids';
export * from './refresh-rates';
export * from './refresh-indicator';
export * from './refresh-policies';
export * from './series-reader';
export * from './as-of';
export * from './indicator-meta-reader';
