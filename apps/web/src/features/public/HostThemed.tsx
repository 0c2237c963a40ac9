import { createTheme, decomposeColor, rgbToHex, type Theme, ThemeProvider, useTheme } from '@mui/material/styles';
import { type ReactNode, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { hostThemeFrom } from './hostTheme';

const FONT_STACKS = { 'sans-serif': 'system-ui, sans-serif', serif: 'Georgia, serif', 'system-ui': 'system-ui, sans-serif', monospace: 'ui-monospace, monospace' } as const;

/** #rrggbb of any colour MUI knows (alpha ignored: the instance's text is at least that dark). */
function hex(colour: string): string {
  const value = colour.startsWith('#') ? colour : rgbToHex(colour);
  if (/^#[0-9a-f]{6}$/i.test(value)) return value;
  const { values } = decomposeColor(colour);
  return `#${values.slice(0, 3).map((n) => Math.round(Number(n)).toString(16).padStart(2, '0')).join('')}`;
}

/**
 * The embed in the host page's colours and font family when its URL asks for `theme=host`
 * (`<pilote-embed theme="host">` does), otherwise in the instance's theme. What is dropped (unreadable
 * or malformed) is said in `data-host-theme-dropped` for the integrator.
 */
export function HostThemed({ children }: { children: (dropped: string) => ReactNode }) {
  const [params] = useSearchParams();
  const outer = useTheme();
  const asked = useMemo(
    () => hostThemeFrom(params, { text: hex(outer.palette.text.primary), background: hex(outer.palette.background.default) }),
    [params, outer],
  );
  const theme = useMemo(() => {
    if (!asked) return null;
    const { text, background, accent, font } = asked.theme;
    const family = font ? FONT_STACKS[font] : undefined;
    return (base: Theme) =>
      createTheme(base, {
        palette: {
          ...(accent ? { primary: base.palette.augmentColor({ color: { main: accent } }) } : {}),
          ...(text ? { text: { primary: text, secondary: text } } : {}),
          ...(background ? { background: { default: background, paper: background } } : {}),
        },
        ...(family ? { typography: Object.fromEntries([['fontFamily', family], ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'body1', 'body2'].map((v) => [v, { fontFamily: family }])]) } : {}),
        // The instance's tokens too: gauges, charts and maps draw from them (useTokens).
        pilote: {
          ...base.pilote,
          colors: {
            ...base.pilote?.colors,
            ...(text ? { text, textMuted: text } : {}),
            ...(background ? { background, surface: background } : {}),
            ...(accent ? { primary: accent } : {}),
          },
          ...(family && base.pilote ? { typography: { ...base.pilote.typography, fontFamily: family, headingFontFamily: family } } : {}),
        },
      });
  }, [asked]);
  if (!asked || !theme) return <>{children('')}</>;
  return <ThemeProvider theme={theme}>{children(asked.dropped.join(' '))}</ThemeProvider>;
}
