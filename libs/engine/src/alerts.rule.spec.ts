import { computeAlerts, type AlertsInput } from './alerts.rule';

const calm: AlertsInput = { gapToMedian: 0, trend: 'up', rateComputable: true, weatherFilled: true, overdue: false };
const codes = (input: Partial<AlertsInput>) => computeAlerts({ ...calm, ...input }).map((a) => a.code);

describe('computeAlerts', () => {
  it('raises nothing when all is well', () => {
    expect(codes({})).toEqual([]);
  });
  it('alerts strictly below −10 points from the median', () => {
    expect(codes({ gapToMedian: -10 })).toEqual([]);
    expect(codes({ gapToMedian: -10.1 })).toEqual(['gap-below-median']);
    expect(codes({ gapToMedian: null })).toEqual([]);
    expect(computeAlerts({ ...calm, gapToMedian: -12.5 })[0].explanation).toContain('12.5 points below');
    expect(codes({ gapToMedian: -6, gapThreshold: -5 })).toEqual(['gap-below-median']);
  });
  it('raises each other alert from its own signal, in a fixed order', () => {
    expect(codes({ trend: 'down' })).toEqual(['falling-trend']);
    expect(codes({ trend: 'stable' })).toEqual([]);
    expect(codes({ gapToMedian: -20, trend: 'down', rateComputable: false, weatherFilled: false, overdue: true })).toEqual([
      'gap-below-median',
      'falling-trend',
      'rate-not-computable',
      'weather-not-filled',
      'update-overdue',
    ]);
  });
  it('signals a policy whose weather is "Orage" (objectives out of reach), wherever its rate stands', () => {
    expect(codes({ weather: 'STORMY' })).toEqual(['weather-stormy']);
    expect(codes({ weather: 'RAINY' })).toEqual([]);
  });
});
