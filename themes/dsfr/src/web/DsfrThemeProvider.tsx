// Loaded lazily by the web app, only when an instance's theme says `designSystem: 'dsfr'`.
import '@codegouvfr/react-dsfr/main.css';
import { startReactDsfr } from '@codegouvfr/react-dsfr/spa';
import { createMuiDsfrThemeProvider } from '@codegouvfr/react-dsfr/mui';
import { createTheme } from '@mui/material/styles';
import type { ReactNode } from 'react';
import type { ThemeTokens } from '@pilote/theme-engine';

let started = false;
let currentTokens: ThemeTokens | undefined;
let currentLang = 'fr';

function ensureStarted() {
  if (started) return;
  started = true;
  startReactDsfr({ defaultColorScheme: 'light', useLang: () => currentLang });
}

const { MuiDsfrThemeProvider } = createMuiDsfrThemeProvider({
  // Keep DSFR's look, and expose the instance's tokens to PILOTE components (theme.pilote).
  augmentMuiTheme: ({ nonAugmentedMuiTheme }) =>
    createTheme(nonAugmentedMuiTheme, currentTokens ? { pilote: currentTokens } : {}),
});

export function DsfrThemeProvider({ tokens, lang, children }: { tokens: ThemeTokens; lang: string; children: ReactNode }) {
  currentTokens = tokens;
  currentLang = lang;
  ensureStarted();
  return <MuiDsfrThemeProvider>{children}</MuiDsfrThemeProvider>;
}
