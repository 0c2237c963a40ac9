import type { DataFrame } from '@pilote/module-sdk';
import { frameToBars, frameToLineSeries } from './to-series';

const frame: DataFrame = {
  fields: [
    { name: 'date', type: 'time', values: ['2026-03-31', '2025-12-31', '2026-06-30'] },
    { name: 'value', type: 'number', unit: '%', label: 'Taux', values: [12, 10, null] },
  ],
};

describe('DataFrame → chart data', () => {
  it('draws a time series sorted by date, without missing values', () => {
    expect(frameToLineSeries(frame)).toEqual([{ id: 'Taux', data: [{ x: '2025-12-31', y: 10 }, { x: '2026-03-31', y: 12 }] }]);
  });

  it('draws bars from a territory (or text) column and a number column, named by the text column', () => {
    const bars = frameToBars({
      fields: [
        { name: 'code', type: 'territory', values: ['D13', 'D84'] },
        { name: 'name', type: 'string', values: ['Bouches-du-Rhône', 'Vaucluse'] },
        { name: 'rate', type: 'number', values: [40, 55] },
      ],
    });
    expect(bars).toEqual([{ key: 'D13', label: 'Bouches-du-Rhône', value: 40 }, { key: 'D84', label: 'Vaucluse', value: 55 }]);
    expect(frameToBars(frame)).toEqual([]);
  });
});
