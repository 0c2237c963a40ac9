import type { DataFrame } from '@pilote/module-sdk';
import { colourStep, departmentValues } from './department-values';

const regionOf = { '13': '93', '84': '93', '29': '53' };

describe('choropleth values', () => {
  it('paints départements with their own value', () => {
    const frame: DataFrame = { fields: [{ name: 'code', type: 'territory', values: ['D13', 'D2A', 'E200054807'] }, { name: 'rate', type: 'number', values: [40, 10, 99] }] };
    const { values, drawn } = departmentValues(frame, regionOf);
    expect(Object.fromEntries(values)).toEqual({ '13': 40, '2A': 10 });
    expect(drawn).toBe(2);
  });

  it('paints the départements of a région with the région value', () => {
    const frame: DataFrame = { fields: [{ name: 'code', type: 'territory', values: ['R93', 'R53'] }, { name: 'rate', type: 'number', values: [60, null] }] };
    expect(Object.fromEntries(departmentValues(frame, regionOf).values)).toEqual({ '13': 60, '84': 60 });
  });

  it('classes values in equal steps', () => {
    expect([0, 24, 25, 99, 100].map((v) => colourStep(v, 0, 100, 4))).toEqual([0, 0, 1, 3, 3]);
    expect(colourStep(5, 5, 5, 4)).toBe(3);
  });
});
