import { type BoardCell, buildBoard, cellStatus, isStale } from './campaign-board';

const cell = (over: Partial<BoardCell>): BoardCell => ({
  indicatorId: 'IND-A', policyId: 'P1', policyName: 'Politique 1', territoryCode: 'D13', territoryName: 'Bouches-du-Rhône',
  periodicity: 'yearly', availabilityDelayDays: 0, lastDate: '2024-12-31', publishedInPeriod: true, awaitingValidation: false, ...over,
});

describe('campaign board', () => {
  it('classifies a cell as published, awaiting validation or missing', () => {
    expect(cellStatus(cell({}))).toBe('published');
    expect(cellStatus(cell({ publishedInPeriod: false, awaitingValidation: true }))).toBe('awaiting');
    expect(cellStatus(cell({ publishedInPeriod: false }))).toBe('missing');
  });

  it('says a value is stale once its period plus the availability delay is over', () => {
    expect(isStale({ lastDate: '2024-03-31', periodicity: 'quarterly', availabilityDelayDays: 30 }, '2024-07-30')).toBe(false);
    expect(isStale({ lastDate: '2024-03-31', periodicity: 'quarterly', availabilityDelayDays: 30 }, '2024-07-31')).toBe(true);
    expect(isStale({ lastDate: null, periodicity: 'yearly', availabilityDelayDays: 0 }, '2024-01-01')).toBe(true);
  });

  it('counts per territory and per policy, least complete first, late only after the deadline', () => {
    const cells = [
      cell({}),
      cell({ indicatorId: 'IND-B', publishedInPeriod: false, awaitingValidation: true }),
      cell({ territoryCode: 'D29', territoryName: 'Finistère', publishedInPeriod: false, lastDate: null }),
      cell({ territoryCode: 'D29', territoryName: 'Finistère', indicatorId: 'IND-C', policyId: 'P2', policyName: 'Politique 2', publishedInPeriod: false }),
    ];
    const before = buildBoard(cells, { asOf: '2025-01-15', deadline: '2025-01-31' });
    expect(before.totals).toMatchObject({ expected: 4, published: 1, awaiting: 1, missing: 2, late: 0, completeness: 25 });
    expect(before.byTerritory.map((r) => [r.key, r.published, r.awaiting, r.missing, r.completeness])).toEqual([
      ['D29', 0, 0, 2, 0],
      ['D13', 1, 1, 0, 50],
    ]);
    expect(before.byPolicy.map((r) => [r.key, r.expected, r.completeness])).toEqual([
      ['P2', 1, 0],
      ['P1', 3, 33.3],
    ]);
    const after = buildBoard(cells, { asOf: '2025-02-01', deadline: '2025-01-31' });
    expect(after.totals.late).toBe(3);
    expect(after.totals.stale).toBe(1);
  });

  it('lists which value is missing where, missing before awaiting before published, late after the deadline', () => {
    const cells = [
      cell({ indicatorName: 'Indicateur A' }),
      cell({ indicatorId: 'IND-B', indicatorName: 'Indicateur B', publishedInPeriod: false, awaitingValidation: true }),
      cell({ territoryCode: 'D29', territoryName: 'Finistère', publishedInPeriod: false, lastDate: null }),
    ];
    const board = buildBoard(cells, { asOf: '2025-02-01', deadline: '2025-01-31' });
    expect(board.cells.map((c) => [c.territoryCode, c.indicatorId, c.status, c.late, c.stale])).toEqual([
      ['D29', 'IND-A', 'missing', true, true],
      ['D13', 'IND-B', 'awaiting', true, false],
      ['D13', 'IND-A', 'published', false, false],
    ]);
    expect(board.cells[2].indicatorName).toBe('Indicateur A');
    expect(board.cells[0].indicatorName).toBe('IND-A');
  });

  it('is complete when nothing is expected', () => {
    expect(buildBoard([], { asOf: '2025-01-01', deadline: '2025-01-31' }).totals).toMatchObject({ expected: 0, completeness: 100 });
  });
});
