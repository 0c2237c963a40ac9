/**
 * The host page's colours for an embed (`/embed/…?theme=host&text=…&background=…&accent=…&font=…`),
 * as `<pilote-embed theme="host">` reads them from the page around it. Only 6-digit hex colours and
 * generic font families are taken (nothing the host writes reaches CSS as text), and a colour that
 * would make the embed unreadable is dropped for the instance's own: text on background and the
 * accent (links, lines) on background must keep WCAG's 4.5:1.
 */
export interface HostTheme {
  text?: string;
  background?: string;
  accent?: string;
  font?: HostFont;
}

export const HOST_FONTS = ['sans-serif', 'serif', 'system-ui', 'monospace'] as const;
export type HostFont = (typeof HOST_FONTS)[number];

/** What was asked but not applied, and why (said in the page's `data-host-theme-dropped`). */
export type DroppedColour = 'text' | 'background' | 'accent' | 'font';

export const MIN_CONTRAST = 4.5;

const HEX = /^#([0-9a-f]{6})$/i;

function hexOf(value: string | null): string | undefined {
  const match = value ? HEX.exec(value.trim()) : null;
  return match ? `#${match[1].toLowerCase()}` : undefined;
}

/** WCAG 2 relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((at) => {
    const channel = parseInt(hex.slice(at, at + 2), 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio of two #rrggbb colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/**
 * The host theme an embed URL asks for, or null when it asks for none (`theme` absent or not
 * `host`). `fallback` is the instance's text and background, to check a colour given alone.
 */
export function hostThemeFrom(params: URLSearchParams, fallback: { text: string; background: string }): { theme: HostTheme; dropped: DroppedColour[] } | null {
  if (params.get('theme') !== 'host') return null;
  const dropped: DroppedColour[] = [];
  const asked = { text: params.get('text'), background: params.get('background'), accent: params.get('accent'), font: params.get('font') };
  let text = hexOf(asked.text);
  let background = hexOf(asked.background);
  if (asked.text !== null && !text) dropped.push('text');
  if (asked.background !== null && !background) dropped.push('background');
  // Text and background go together: a pair that cannot be read keeps the instance's pair.
  if ((text || background) && contrastRatio(text ?? fallback.text, background ?? fallback.background) < MIN_CONTRAST) {
    if (text) dropped.push('text');
    if (background) dropped.push('background');
    text = background = undefined;
  }
  let accent = hexOf(asked.accent);
  if (asked.accent !== null && (!accent || contrastRatio(accent, background ?? fallback.background) < MIN_CONTRAST)) {
    dropped.push('accent');
    accent = undefined;
  }
  const font = (HOST_FONTS as readonly string[]).includes(asked.font ?? '') ? (asked.font as HostFont) : undefined;
  if (asked.font !== null && !font) dropped.push('font');
  const theme: HostTheme = {};
  if (text) theme.text = text;
  if (background) theme.background = background;
  if (accent) theme.accent = accent;
  if (font) theme.font = font;
  return { theme, dropped: [...new Set(dropped)] };
}
