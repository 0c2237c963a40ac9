import { CssBaseline, GlobalStyles } from '@mui/material';
import { ThemeProvider } from '@mui/material/styles';
import { mergeTokens, tokensToCssVariables, validateTokens, type DeepPartial, type ThemeTokens } from '@pilote/theme-engine';
import { createMuiThemeFromTokens } from '@pilote/theme-engine/web';
import { neutralTokens } from '@pilote/theme-neutral';
import { dsfrTokens } from '@pilote/theme-dsfr';
import { lazy, Suspense, useEffect, useMemo, type ReactNode } from 'react';

const DsfrThemeProvider = lazy(() => import('@pilote/theme-dsfr/web').then((m) => ({ default: m.DsfrThemeProvider })));

/** Resolves the instance's tokens over the base theme they name (unknown or partial input stays usable). */
export function resolveTokens(theme: unknown): ThemeTokens {
  const input = (theme && typeof theme === 'object' ? theme : {}) as DeepPartial<ThemeTokens>;
  const base = input.designSystem === 'dsfr' || input.id === 'dsfr' ? dsfrTokens : neutralTokens;
  const tokens = mergeTokens(base, input);
  const errors = validateTokens(tokens);
  if (errors.length) {
    console.warn('Instance theme is incomplete, using the base theme:', errors);
    return base;
  }
  return tokens;
}

function Globals({ tokens }: { tokens: ThemeTokens }) {
  const vars = useMemo(() => tokensToCssVariables(tokens), [tokens]);
  return <GlobalStyles styles={{ ':root': vars }} />;
}

export function ThemeRoot({ theme, lang, children }: { theme: unknown; lang: string; children: ReactNode }) {
  const tokens = useMemo(() => resolveTokens(theme), [theme]);
  const muiTheme = useMemo(() => createMuiThemeFromTokens(tokens), [tokens]);

  useEffect(() => {
    if (!tokens.favicon) return;
    let link = document.querySelector<HTMLLinkElement>('link[rel="icon"]');
    if (!link) {
      link = document.createElement('link');
      link.rel = 'icon';
      document.head.appendChild(link);
    }
    link.href = tokens.favicon;
  }, [tokens.favicon]);

  if (tokens.designSystem === 'dsfr') {
    return (
      <Suspense fallback={null}>
        <DsfrThemeProvider tokens={tokens} lang={lang}>
          <Globals tokens={tokens} />
          {children}
        </DsfrThemeProvider>
      </Suspense>
    );
  }
  return (
    <ThemeProvider theme={muiTheme}>
      <CssBaseline />
      <Globals tokens={tokens} />
      {children}
    </ThemeProvider>
  );
}
