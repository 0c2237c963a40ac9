import type { ThemeTokens } from '@pilote/theme-engine';

/** Accessible neutral blue/grey theme: the kit's default look for any administration. */
export const neutralTokens: ThemeTokens = {
  id: 'neutral',
  label: 'Neutral',
  designSystem: 'default',
  mode: 'light',
  colors: {
    primary: '#1f4e8c',
    onPrimary: '#ffffff',
    secondary: '#4a5568',
    onSecondary: '#ffffff',
    background: '#ffffff',
    surface: '#f5f7fa',
    text: '#1a202c',
    textMuted: '#4a5568',
    border: '#cbd2dc',
    success: '#1e7b45',
    warning: '#a15c00',
    error: '#c0262d',
    info: '#1f5fa8',
    focus: '#0a66ff',
  },
  weather: {
    sunny: '#f2c230',
    cloudy: '#9fb3c8',
    rainy: '#3f70a8', // white text stays ≥ 4.5:1 (WCAG AA) on the météo badge
    stormy: '#b3261e',
    notFilled: '#e2e6ec',
    notNeeded: '#f1f3f6',
  },
  chart: {
    sequential: ['#e6eef8', '#b8cde8', '#7fa4d4', '#4a78b8', '#1f4e8c', '#0f2d5a'],
    categorical: ['#1f4e8c', '#d9822b', '#2f9e74', '#8a4fb8', '#c0392b', '#5f6b7a', '#c2a400', '#1b8fb3'],
    noData: '#eceff3',
    target: '#c0262d',
  },
  typography: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif' },
  radius: 6,
  logos: {},
};

export default neutralTokens;
