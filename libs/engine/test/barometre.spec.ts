// Checks the engine against reality: the rates PILOTE published in the public baromètre.
// The comparison, the inference of each indicator's parameters and the classes are in
// src/barometre (the same code `pilote barometre check` runs); see BAROMETRE.md for the numbers.
// No indicator id appears here: nothing is fitted to a named file.
import { checkBarometre, type BarometreCheck, type BarometreRow, type DisagreementClass } from '../src';
import { readBarometreFiles, splitFiles, type BarometreFile } from './barometre';

const files = readBarometreFiles();
const rowsOf = (fs: BarometreFile[]): BarometreRow[] => fs.flatMap((f) => f.rows);
const { dev, holdout } = splitFiles(files);
const rate = (c: { matched: number; zones: number }): number => c.matched / c.zones;

// Measured on the November 2023 files (119 indicators, 2956 zones with a published rate).
const MEASURED = {
  zones: 2956,
  match: 2956,
  defaultMatch: 2732,
  crossValidated: 2955,
  inferredIndicators: 4,
  devZones: 1307,
  holdoutZones: 1649,
  every: { rows: 3194, match: 2962, 'intermediate-target': 19, 'other-initial': 213 },
};

/** Latest published rate per zone; the inference is per indicator, so a subset's numbers are the subset's zones. */
const latest = checkBarometre(rowsOf(files));

function subset(check: BarometreCheck, fs: BarometreFile[]): { matched: number; zones: number } {
  const ids = new Set(fs.flatMap((f) => f.rows.map((r) => r.indicatorId)));
  const indicators = check.indicators.filter((i) => ids.has(i.indicatorId));
  return { matched: indicators.reduce((s, i) => s + i.matched, 0), zones: indicators.reduce((s, i) => s + i.zones, 0) };
}

describe('baromètre: engine global rate vs the latest published rate of each zone', () => {
  it('compares every zone with a published rate', () => {
    expect(latest.zones).toBe(MEASURED.zones);
  });

  it('matches PILOTE within 0.5 point in at least 97 % of zones', () => {
    expect(latest.matched).toBeGreaterThanOrEqual(MEASURED.match);
    expect(rate(latest)).toBeGreaterThanOrEqual(0.97);
  });

  it('holds on the development files and on the files held out while the rules were written', () => {
    const d = subset(latest, dev);
    const h = subset(latest, holdout);
    expect([d.zones, h.zones]).toEqual([MEASURED.devZones, MEASURED.holdoutZones]);
    expect(rate(d)).toBeGreaterThanOrEqual(0.97);
    expect(rate(h)).toBeGreaterThanOrEqual(0.97);
  });

  it('holds when each zone is checked with the parameters inferred from the other zones only', () => {
    expect(latest.crossValidated.matched).toBeGreaterThanOrEqual(MEASURED.crossValidated);
    expect(rate(latest.crossValidated)).toBeGreaterThanOrEqual(0.97);
  });

  it('keeps every disagreement class under its ceiling (none on these files)', () => {
    const ceilings: Partial<Record<DisagreementClass, number>> = {
      'no-rate': 0,
      'published-100x': 0,
      'initial-as-zero': 0,
      'intermediate-target': 0,
      'other-initial': 0,
      'earlier-current': 0,
      unclamped: 0,
      'opposite-direction': 0,
      unexplained: 0,
    };
    for (const [cls, max] of Object.entries(ceilings)) expect({ cls, n: latest.counts[cls as DisagreementClass] <= max }).toEqual({ cls, n: true });
  });

  it('infers parameters for few indicators, each on evidence, and says what it changed', () => {
    const inferred = latest.indicators.filter((i) => i.chosen.departures > 0);
    expect(inferred.length).toBeLessThanOrEqual(MEASURED.inferredIndicators);
    for (const i of inferred) {
      expect(i.chosen.changes.length).toBe(i.chosen.departures);
      expect(i.inferenceScore.chosen - i.inferenceScore.default).toBeGreaterThanOrEqual(Math.max(1, Math.ceil(0.05 * i.inferenceScore.zones)));
    }
    // without inference, the derived direction and PILOTE's default parameters
    const plain = checkBarometre(rowsOf(files), { infer: false });
    expect(plain.matched).toBe(MEASURED.defaultMatch);
    expect(plain.indicators.every((i) => i.chosen.departures === 0)).toBe(true);
  });
});

describe('baromètre: the check can fail (the inference does not fit any answer)', () => {
  const dataOf = (fs: BarometreFile[], change: (r: BarometreRow, i: number) => number | null): BarometreRow[] =>
    rowsOf(fs).map((r, i) => (r.ta === null ? r : { ...r, ta: change(r, i) }));

  it('published rates moved by 3 points match almost nowhere', () => {
    const moved = checkBarometre(dataOf(dev, (r) => (r.ta as number) + 3));
    expect(rate(moved)).toBeLessThan(0.05); // 11 of 1307
  });

  it('published rates swapped between the zones of an indicator lose most matches', () => {
    const rows = rowsOf(dev);
    // each published rate replaced by the one of the next published row of the same indicator
    const published = rows.map((r, i) => ({ r, i })).filter(({ r }) => r.ta !== null);
    const next = new Map<number, number>();
    published.forEach(({ r, i }, k) => {
      const other = published.slice(k + 1).concat(published.slice(0, k)).find(({ r: o }) => o.indicatorId === r.indicatorId && o.zone !== r.zone && Math.abs((o.ta as number) - (r.ta as number)) > 0.5);
      next.set(i, other ? (other.r.ta as number) : (r.ta as number) + 50);
    });
    const swapped = checkBarometre(dataOf(dev, (_, i) => next.get(i) ?? null));
    expect(rate(swapped)).toBeLessThan(0.25); // 213 of 1307
  });
});

describe('baromètre: every published row, not only the latest', () => {
  // Older rows were published with the data of their time (VIs re-based since, targets changed),
  // so they are measured and classified, not held to the latest-row standard.
  it('classifies every older disagreement', () => {
    const every = checkBarometre(rowsOf(files), { which: 'every' });
    expect(every.zones).toBe(MEASURED.every.rows);
    expect(every.matched).toBeGreaterThanOrEqual(MEASURED.every.match);
    expect(every.counts['intermediate-target']).toBeLessThanOrEqual(MEASURED.every['intermediate-target']);
    expect(every.counts['other-initial']).toBeLessThanOrEqual(MEASURED.every['other-initial']);
    expect(every.counts.unexplained).toBe(0);
  });
});
