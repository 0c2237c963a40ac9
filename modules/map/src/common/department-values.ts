import { type DataFrame, findField, frameLength } from '@pilote/module-sdk';

/** INSEE code of a département → INSEE code of its région (from @etalab/decoupage-administratif). */
export type RegionOfDepartment = Record<string, string>;

/**
 * The value to paint on each département (SVG id = INSEE code): a département's own value (`D13`),
 * or, for a région-level frame (`R93`), its région's value. Other codes (EPCI, communes) are ignored.
 */
export function departmentValues(frame: DataFrame, regionOf: RegionOfDepartment): { values: Map<string, number>; drawn: number } {
  const territory = findField(frame, 'territory');
  const number = findField(frame, 'number');
  const values = new Map<string, number>();
  let drawn = 0;
  if (!territory || !number) return { values, drawn };
  const regions = new Map<string, number>();
  for (let i = 0; i < frameLength(frame); i += 1) {
    const code = territory.values[i];
    const value = number.values[i];
    if (typeof code !== 'string' || typeof value !== 'number') continue;
    const department = /^D(\d{2,3}|2[AB])$/.exec(code);
    const region = /^R(\d{2})$/.exec(code);
    if (department) {
      values.set(department[1], value);
      drawn += 1;
    } else if (region) {
      regions.set(region[1], value);
      drawn += 1;
    }
  }
  if (regions.size > 0) {
    for (const [department, region] of Object.entries(regionOf)) {
      const value = regions.get(region);
      if (value !== undefined && !values.has(department)) values.set(department, value);
    }
  }
  return { values, drawn };
}

/** Index of the colour step for a value within [min, max] (equal-width classes). */
export function colourStep(value: number, min: number, max: number, steps: number): number {
  if (steps <= 1 || max <= min) return steps - 1;
  return Math.min(steps - 1, Math.max(0, Math.floor(((value - min) / (max - min)) * steps)));
}
