import type { ThemeTokens } from '@pilote/theme-engine';

/**
 * Tokens of the Système de design de l'État (DSFR), light mode. For State instances only.
 * The web app also wraps the page in react-dsfr's MUI theme (see `./web`); these tokens keep
 * charts, badges and the API-side CSS variables consistent with it.
 */
export const dsfrTokens: ThemeTokens = {
  id: 'dsfr',
  label: 'DSFR',
  designSystem: 'dsfr',
  mode: 'light',
  colors: {
    primary: '#000091',
    onPrimary: '#f5f5fe',
    secondary: '#c9191e',
    onSecondary: '#ffffff',
    background: '#ffffff',
    surface: '#f6f6f6',
    text: '#161616',
    textMuted: '#666666',
    border: '#dddddd',
    success: '#18753c',
    warning: '#b34000',
    error: '#ce0500',
    info: '#0063cb',
    focus: '#0a76f6',
  },
  weather: {
    sunny: '#fcc63a',
    cloudy: '#b7a73f',
    rainy: '#4a6bb5', // darker than DSFR's #5576c0 (4.4:1) so that white text reaches 4.5:1
    stormy: '#ce0500',
    notFilled: '#e5e5e5',
    notNeeded: '#f6f6f6',
  },
  chart: {
    sequential: ['#e3e3fd', '#cacafb', '#a1a1f8', '#6a6af4', '#000091', '#000074'],
    categorical: ['#000091', '#ff9940', '#009081', '#a558a0', '#e1000f', '#7b7b7b', '#c3992a', '#417dc4'],
    noData: '#eeeeee',
    target: '#e1000f',
  },
  typography: { fontFamily: 'Marianne, arial, sans-serif' },
  radius: 0,
  logos: {},
};

export default dsfrTokens;
