/** Semantic design tokens of an instance. Components read these names, never raw colours. */
export interface ColorTokens {
  primary: string;
  /** Text drawn on `primary` (buttons, selected chips). */
  onPrimary: string;
  secondary: string;
  onSecondary: string;
  background: string;
  surface: string;
  text: string;
  textMuted: string;
  border: string;
  success: string;
  warning: string;
  error: string;
  info: string;
  focus: string;
}

/** Colours of the weather (météo) levels; `notNeeded` falls back to `notFilled`. */
export interface WeatherTokens {
  sunny: string;
  cloudy: string;
  rainy: string;
  stormy: string;
  notFilled: string;
  notNeeded?: string;
}

export interface ChartTokens {
  /** Light → dark ramp for choropleths (rate 0 → 100). At least 3 steps. */
  sequential: string[];
  /** Distinct colours for series and categories. */
  categorical: string[];
  /** Fill of territories without data (drawn with a hatch pattern too). */
  noData: string;
  /** Colour of targets and of the needed trajectory. */
  target: string;
}

export interface TypographyTokens {
  fontFamily: string;
  headingFontFamily?: string;
  /** Root font size in px (default 16). */
  baseFontSize?: number;
}

export interface LogoTokens {
  light?: string;
  dark?: string;
  /** Small square mark (header on small screens). */
  mark?: string;
}

export interface ThemeTokens {
  id: string;
  label: string;
  /** `dsfr` switches the web app to the State design system (State instances only). */
  designSystem?: 'default' | 'dsfr';
  mode: 'light' | 'dark';
  colors: ColorTokens;
  weather: WeatherTokens;
  chart: ChartTokens;
  typography: TypographyTokens;
  /** Corner radius in px. */
  radius: number;
  logos: LogoTokens;
  favicon?: string;
}

export type WeatherTone = keyof WeatherTokens;

/** Recursive partial, used by instances to override part of a base theme. */
export type DeepPartial<T> = { [K in keyof T]?: T[K] extends (infer U)[] ? U[] : T[K] extends object ? DeepPartial<T[K]> : T[K] };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Deep-merges instance overrides into a base theme (arrays are replaced, not merged). */
export function mergeTokens(base: ThemeTokens, override?: DeepPartial<ThemeTokens> | null): ThemeTokens {
  if (!override) return base;
  const merge = (a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> => {
    const out: Record<string, unknown> = { ...a };
    for (const [key, value] of Object.entries(b)) {
      if (value === undefined) continue;
      out[key] = isPlainObject(value) && isPlainObject(a[key]) ? merge(a[key], value) : value;
    }
    return out;
  };
  return merge(base as unknown as Record<string, unknown>, override as Record<string, unknown>) as unknown as ThemeTokens;
}

const REQUIRED_COLORS: (keyof ColorTokens)[] = [
  'primary', 'onPrimary', 'secondary', 'onSecondary', 'background', 'surface', 'text', 'textMuted',
  'border', 'success', 'warning', 'error', 'info', 'focus',
];

/** Returns the paths of missing or malformed tokens (empty when the tokens are usable). */
export function validateTokens(tokens: unknown): string[] {
  const errors: string[] = [];
  if (!isPlainObject(tokens)) return ['tokens: expected an object'];
  const colors = tokens.colors;
  if (!isPlainObject(colors)) errors.push('colors: expected an object');
  else for (const key of REQUIRED_COLORS) if (typeof colors[key] !== 'string') errors.push(`colors.${key}: expected a colour`);
  const weather = tokens.weather;
  if (!isPlainObject(weather)) errors.push('weather: expected an object');
  else for (const key of ['sunny', 'cloudy', 'rainy', 'stormy', 'notFilled']) if (typeof weather[key] !== 'string') errors.push(`weather.${key}: expected a colour`);
  const chart = tokens.chart;
  if (!isPlainObject(chart)) errors.push('chart: expected an object');
  else {
    if (!Array.isArray(chart.sequential) || chart.sequential.length < 3) errors.push('chart.sequential: expected at least 3 colours');
    if (!Array.isArray(chart.categorical) || chart.categorical.length < 1) errors.push('chart.categorical: expected at least 1 colour');
  }
  if (!isPlainObject(tokens.typography) || typeof tokens.typography.fontFamily !== 'string') errors.push('typography.fontFamily: expected a string');
  if (typeof tokens.radius !== 'number') errors.push('radius: expected a number');
  return errors;
}
