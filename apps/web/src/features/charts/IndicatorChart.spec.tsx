import type { SeriesPoint } from '../../api/types';
import { chartSeries } from './IndicatorChart';

const names = { values: 'Valeurs', targets: 'Cibles', trajectory: 'Trajectoire' };

describe('chartSeries', () => {
  it('leaves out an empty series (nivo draws it as <path d="null">): targets before the first value', () => {
    const targets = [{ date: '2026-12-31', value: 40, kind: 'VC' }, { date: '2027-12-31', value: 60, kind: 'VC' }] as SeriesPoint[];
    expect(chartSeries([], targets, names).map((s) => s.id)).toEqual(['Cibles']);
  });
  it('keeps values, targets and the trajectory to the final target', () => {
    const points = [{ date: '2025-12-31', value: 20, kind: 'VA' }] as SeriesPoint[];
    const targets = [{ date: '2027-12-31', value: 60, kind: 'VC' }] as SeriesPoint[];
    expect(chartSeries(points, targets, names).map((s) => [s.id, s.data.length])).toEqual([['Valeurs', 1], ['Cibles', 1], ['Trajectoire', 2]]);
  });
});
