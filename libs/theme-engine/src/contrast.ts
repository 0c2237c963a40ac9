import type { ThemeTokens } from './tokens';

/** Parses `#rgb`, `#rrggbb` or `rgb(r, g, b)` into 0–255 channels; null when not understood. */
export function parseColor(color: string): [number, number, number] | null {
  const value = color.trim().toLowerCase();
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(value);
  if (short) return [parseInt(short[1] + short[1], 16), parseInt(short[2] + short[2], 16), parseInt(short[3] + short[3], 16)];
  const long = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})(?:[0-9a-f]{2})?$/.exec(value);
  if (long) return [parseInt(long[1], 16), parseInt(long[2], 16), parseInt(long[3], 16)];
  const rgb = /^rgba?\(\s*(\d+)[\s,]+(\d+)[\s,]+(\d+)/.exec(value);
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  return null;
}

/** WCAG 2.x relative luminance. */
export function relativeLuminance(color: string): number {
  const rgb = parseColor(color);
  if (!rgb) throw new Error(`Unsupported colour: ${color}`);
  const [r, g, b] = rgb.map((channel) => {
    const c = channel / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio between two colours, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** Picks, among candidates, the colour that reads best on `background`. */
export function readableOn(background: string, candidates: string[]): string {
  let best = candidates[0];
  let bestRatio = -1;
  for (const candidate of candidates) {
    const ratio = contrastRatio(background, candidate);
    if (ratio > bestRatio) {
      best = candidate;
      bestRatio = ratio;
    }
  }
  return best;
}

export interface ContrastIssue {
  pair: string;
  ratio: number;
  minimum: number;
}

/** Text/background pairs a theme must keep readable (WCAG AA: 4.5 for text, 3 for UI parts). */
export function checkContrast(tokens: ThemeTokens): ContrastIssue[] {
  const c = tokens.colors;
  const pairs: [string, string, string, number][] = [
    ['text/background', c.text, c.background, 4.5],
    ['text/surface', c.text, c.surface, 4.5],
    ['textMuted/background', c.textMuted, c.background, 4.5],
    ['textMuted/surface', c.textMuted, c.surface, 4.5],
    ['onPrimary/primary', c.onPrimary, c.primary, 4.5],
    ['onSecondary/secondary', c.onSecondary, c.secondary, 4.5],
    ['primary/background (links)', c.primary, c.background, 4.5],
    ['error/background', c.error, c.background, 4.5],
    ['focus/background', c.focus, c.background, 3],
  ];
  return pairs
    .map(([pair, fg, bg, minimum]) => ({ pair, ratio: Math.round(contrastRatio(fg, bg) * 100) / 100, minimum }))
    .filter((issue) => issue.ratio < issue.minimum);
}
