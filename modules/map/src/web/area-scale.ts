import { sequentialColor, sequentialSteps, type ThemeTokens } from '@pilote/module-sdk/web';
import { colourStep } from '../common/department-values';

export interface AreaScale {
  colour(value: number): string;
  steps: { color: string; from: number; to: number }[];
}

/**
 * Rates (unit %) use the kit's fixed 0–100 steps, like every other map of rates; other numbers are
 * classed in equal steps between their minimum and maximum.
 */
export function areaScale(tokens: ThemeTokens, unit: string | undefined, values: readonly number[]): AreaScale {
  if (unit === '%') return { colour: (value) => sequentialColor(tokens, value), steps: sequentialSteps(tokens) };
  const ramp = tokens.chart.sequential;
  const min = values.length ? Math.min(...values) : 0;
  const max = values.length ? Math.max(...values) : 0;
  const width = (max - min) / ramp.length;
  return {
    colour: (value) => ramp[colourStep(value, min, max, ramp.length)],
    steps: ramp.map((color, i) => ({ color, from: min + i * width, to: min + (i + 1) * width })),
  };
}
