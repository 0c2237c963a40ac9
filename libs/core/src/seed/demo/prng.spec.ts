import { addDays, frenchDate, isValidIsoDate, periodEnds } from './dates';
import { hashSeed, mulberry32, Rng } from './prng';

describe('mulberry32', () => {
  it('is deterministic and stays in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const values = Array.from({ length: 1000 }, () => a());
    expect(values).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(new Set(values).size).toBeGreaterThan(990);
  });

  it('differs between seeds', () => {
    const a = mulberry32(1);
    const b = mulberry32(2);
    expect(Array.from({ length: 5 }, () => a())).not.toEqual(Array.from({ length: 5 }, () => b()));
  });

  it('hashSeed depends on the seed and on every key', () => {
    expect(hashSeed(1, 'IND-001', 'D75')).toBe(hashSeed(1, 'IND-001', 'D75'));
    expect(hashSeed(1, 'IND-001', 'D75')).not.toBe(hashSeed(2, 'IND-001', 'D75'));
    expect(hashSeed(1, 'IND-001', 'D75')).not.toBe(hashSeed(1, 'IND-001', 'D76'));
    expect(hashSeed(1, 'IND-00', '1D75')).not.toBe(hashSeed(1, 'IND-001', 'D75'));
  });

  it('Rng helpers respect their bounds', () => {
    const rng = new Rng(7);
    for (let k = 0; k < 500; k += 1) {
      const n = rng.int(2, 5);
      expect(n).toBeGreaterThanOrEqual(2);
      expect(n).toBeLessThanOrEqual(5);
      const x = rng.logRange(3, 300);
      expect(x).toBeGreaterThanOrEqual(3);
      expect(x).toBeLessThan(300);
    }
    expect(new Set(rng.sample(['a', 'b', 'c', 'd'], 4))).toEqual(new Set(['a', 'b', 'c', 'd']));
  });
});

describe('dates', () => {
  it('lists period ends within the range', () => {
    expect(periodEnds('quarterly', '2022-01-01', '2022-12-31')).toEqual(['2022-03-31', '2022-06-30', '2022-09-30', '2022-12-31']);
    expect(periodEnds('monthly', '2024-01-15', '2024-03-31')).toEqual(['2024-01-31', '2024-02-29', '2024-03-31']);
    expect(periodEnds('yearly', '2022-01-01', '2026-10-31')).toEqual(['2022-12-31', '2023-12-31', '2024-12-31', '2025-12-31']);
    expect(periodEnds('monthly', '2022-01-01', '2026-10-31')).toHaveLength(58);
    expect(periodEnds('quarterly', '2022-01-01', '2026-10-31')).toHaveLength(19);
  });

  it('adds days, validates and formats dates', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(isValidIsoDate('2025-02-29')).toBe(false);
    expect(isValidIsoDate('2024-02-29')).toBe(true);
    expect(isValidIsoDate('2024-2-9')).toBe(false);
    expect(frenchDate('2026-03-01')).toBe('1er mars 2026');
    expect(frenchDate('2025-08-14')).toBe('14 août 2025');
  });
});
