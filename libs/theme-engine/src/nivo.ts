import type { ThemeTokens } from './tokens';

type Style = Record<string, string | number>;

/** Structural subset of nivo's `PartialTheme`, kept here so this package does not depend on nivo. */
export interface NivoThemeLike {
  background: string;
  text: Style;
  axis: { domain: { line: Style }; ticks: { line: Style; text: Style }; legend: { text: Style } };
  grid: { line: Style };
  crosshair: { line: { stroke: string; strokeWidth: number; strokeOpacity: number; strokeDasharray: string } };
  legends: { text: Style };
  labels: { text: Style };
  tooltip: { container: Style };
}

export function createNivoTheme(tokens: ThemeTokens): NivoThemeLike {
  const c = tokens.colors;
  const text = { fill: c.text, fontFamily: tokens.typography.fontFamily, fontSize: 12 };
  return {
    background: 'transparent',
    text,
    axis: {
      domain: { line: { stroke: c.border, strokeWidth: 1 } },
      ticks: { line: { stroke: c.border, strokeWidth: 1 }, text: { ...text, fill: c.textMuted } },
      legend: { text: { ...text, fontSize: 13 } },
    },
    grid: { line: { stroke: c.border, strokeWidth: 1, strokeDasharray: '2 4' } },
    crosshair: { line: { stroke: c.text, strokeWidth: 1, strokeOpacity: 0.6, strokeDasharray: '4 4' } },
    legends: { text },
    labels: { text },
    tooltip: {
      container: {
        background: c.surface,
        color: c.text,
        fontFamily: tokens.typography.fontFamily,
        fontSize: 13,
        borderRadius: tokens.radius,
        border: `1px solid ${c.border}`,
      },
    },
  };
}

/** Colour of a rate (0–100) on the sequential ramp; `noData` when null. */
export function sequentialColor(tokens: ThemeTokens, value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return tokens.chart.noData;
  const ramp = tokens.chart.sequential;
  const clamped = Math.min(100, Math.max(0, value));
  const index = Math.min(ramp.length - 1, Math.floor((clamped / 100) * ramp.length));
  return ramp[index];
}

/** Bounds of each step of the sequential ramp, for legends: [[0, 20], [20, 40], …]. */
export function sequentialSteps(tokens: ThemeTokens): { color: string; from: number; to: number }[] {
  const n = tokens.chart.sequential.length;
  return tokens.chart.sequential.map((color, i) => ({ color, from: Math.round((i * 100) / n), to: Math.round(((i + 1) * 100) / n) }));
}
