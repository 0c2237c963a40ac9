import type { ThemeTokens } from './tokens';

const kebab = (value: string) => value.replace(/[A-Z]/g, (m) => `-${m.toLowerCase()}`);

/** Flattens tokens into CSS custom properties (`--pilote-color-primary`, `--pilote-weather-sunny`…). */
export function tokensToCssVariables(tokens: ThemeTokens, prefix = 'pilote'): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const [key, value] of Object.entries(tokens.colors)) vars[`--${prefix}-color-${kebab(key)}`] = value;
  for (const [key, value] of Object.entries(tokens.weather)) if (value) vars[`--${prefix}-weather-${kebab(key)}`] = value;
  tokens.chart.sequential.forEach((value, i) => (vars[`--${prefix}-chart-sequential-${i}`] = value));
  tokens.chart.categorical.forEach((value, i) => (vars[`--${prefix}-chart-categorical-${i}`] = value));
  vars[`--${prefix}-chart-no-data`] = tokens.chart.noData;
  vars[`--${prefix}-chart-target`] = tokens.chart.target;
  vars[`--${prefix}-font-family`] = tokens.typography.fontFamily;
  vars[`--${prefix}-heading-font-family`] = tokens.typography.headingFontFamily ?? tokens.typography.fontFamily;
  vars[`--${prefix}-radius`] = `${tokens.radius}px`;
  return vars;
}

/** Serialises variables as a CSS rule, e.g. for a `<style>` tag rendered server-side. */
export function cssVariablesToString(vars: Record<string, string>, selector = ':root'): string {
  const body = Object.entries(vars)
    .map(([name, value]) => `  ${name}: ${value.replace(/[;{}<>]/g, '')};`)
    .join('\n');
  return `${selector} {\n${body}\n}`;
}
