// The package's default export is its manifest (common part); ./server and ./web add theirs.
export { manifest as default } from './common';
export * from './common';
