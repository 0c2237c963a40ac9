import { createTheme, type Theme, type ThemeOptions } from '@mui/material/styles';
import type { ThemeTokens } from '../tokens';

declare module '@mui/material/styles' {
  interface Theme {
    /** The instance's semantic tokens, for components that need more than the MUI palette. */
    pilote: ThemeTokens;
  }
  interface ThemeOptions {
    pilote?: ThemeTokens;
  }
}

/** MUI options derived from tokens; also merged on top of other base themes (e.g. DSFR). */
export function piloteThemeOptions(tokens: ThemeTokens): ThemeOptions {
  const c = tokens.colors;
  const focusRing = { outline: `3px solid ${c.focus}`, outlineOffset: '2px' };
  return {
    pilote: tokens,
    palette: {
      mode: tokens.mode,
      primary: { main: c.primary, contrastText: c.onPrimary },
      secondary: { main: c.secondary, contrastText: c.onSecondary },
      background: { default: c.background, paper: c.surface },
      text: { primary: c.text, secondary: c.textMuted },
      divider: c.border,
      success: { main: c.success },
      warning: { main: c.warning },
      error: { main: c.error },
      info: { main: c.info },
    },
    shape: { borderRadius: tokens.radius },
    typography: {
      fontFamily: tokens.typography.fontFamily,
      htmlFontSize: tokens.typography.baseFontSize ?? 16,
      h1: { fontFamily: tokens.typography.headingFontFamily ?? tokens.typography.fontFamily, fontSize: '2rem', fontWeight: 700 },
      h2: { fontFamily: tokens.typography.headingFontFamily ?? tokens.typography.fontFamily, fontSize: '1.5rem', fontWeight: 700 },
      h3: { fontSize: '1.25rem', fontWeight: 700 },
      h4: { fontSize: '1.1rem', fontWeight: 700 },
    },
    components: {
      MuiCssBaseline: {
        styleOverrides: {
          '*:focus-visible': focusRing,
          a: { color: c.primary },
          '@media print': { body: { background: c.background, color: c.text } },
        },
      },
      MuiButtonBase: { styleOverrides: { root: { '&.Mui-focusVisible': focusRing } } },
      MuiLink: { defaultProps: { underline: 'always' } },
    },
  };
}

/** Builds the MUI theme of an instance from its tokens. */
export function createMuiThemeFromTokens(tokens: ThemeTokens): Theme {
  return createTheme(piloteThemeOptions(tokens));
}
