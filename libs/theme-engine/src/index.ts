// Framework-free entry: usable by the API (CommonJS build) to resolve and check tokens.
// React/MUI-specific helpers live in `@pilote/theme-engine/web`.
export * from './tokens';
export * from './contrast';
export * from './css-variables';
export * from './nivo';
