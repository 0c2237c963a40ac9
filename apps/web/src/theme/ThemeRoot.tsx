import { CssBaseline, GlobalStyles } from '@mui/material';
import { ThemeProvider } from '@mui/material/styles';
import { mergeTokens, tokensToCssVariables, validateTokens, type DeepPartial, type ThemeTokens } from '@pilote/theme-engine';
import { createMuiThemeFromTokens } from '@pilote/theme-engine/web';
import { neutralTokens } from '@pilote/theme-neutral';
import { dsfrTokens } from '@pilote/theme-dsfr';
import { lazy, Suspense, useEffect, useMemo, type ReactNode } from 'react';

const DsfrThemeProvider = lazy(() => import('@pilote/theme-dsfr/web').then((m) => ({ default: m.DsfrThemeProvider })));

const BASES: Record<string, ThemeTokens> = { neutral: neutralTokens, dsfr: dsfrTokens };

/**
 * Resolves the instance theme (`{ extends: 'neutral' | 'dsfr', tokens: partial tokens }`) over the
 * base theme it names; unknown or partial input stays usable. A bare token object (`{ id: 'dsfr', … }`)
 * is accepted too.
 */
export function resolveTokens(theme: unknown): ThemeTokens {
  const input = (theme && typeof theme === 'object' ? theme : {}) as { extends?: unknown; tokens?: unknown } & DeepPartial<ThemeTokens>;
  const wrapped = typeof input.extends === 'string' || (input.tokens !== undefined && typeof input.tokens === 'object');
  const overrides = (wrapped ? (input.tokens ?? {}) : input) as DeepPartial<ThemeTokens>;
  const baseId = wrapped ? String(input.extends ?? 'neutral') : overrides.designSystem === 'dsfr' || overrides.id === 'dsfr' ? 'dsfr' : 'neutral';
  const base = BASES[baseId] ?? neutralTokens;
  const tokens = mergeTokens(base, overrides);
  const errors = validateTokens(tokens);
  if (errors.length) {
    console.warn('Instance theme is incomplete, using the base theme:', errors);
    return base;
  }
  return tokens;
}

function Globals({ tokens }: { tokens: ThemeTokens }) {
  const vars = useMemo(() => tokensToCssVariables(tokens), [tokens]);
  return (
    <GlobalStyles styles={{
      ':root': vars,
      // A table's caption titles it: above the table, as a title (MUI puts it below, in grey).
      'table.MuiTable-root > caption': { captionSide: 'top', textAlign: 'left', color: 'inherit', fontWeight: 700 },
      // Long words (territory names, codes, URLs) break instead of widening a phone's page.
      // (`anywhere` lets their box shrink; text in table cells keeps its words, the table scrolls.)
      ':where(h1, h2, h3, h4, h5, h6, p, li, dd, dt, label, legend)': { overflowWrap: 'anywhere' },
      ':where(td, th) :where(p, li, label)': { overflowWrap: 'normal' },
    }} />
  );
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
