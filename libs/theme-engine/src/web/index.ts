export { createMuiThemeFromTokens, piloteThemeOptions } from './createMuiThemeFromTokens';
