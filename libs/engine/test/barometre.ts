// Test helpers: read the baromètre CSVs and compare the engine with PILOTE's published rates.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { computeIndicatorRate, computeIndicatorRates, type DatedValue, type Direction } from '../src'; // the package's own sources: typechecks without a build

export const FIXTURES = join(__dirname, 'fixtures');
const CSV_HEADER = 'indic_id,enforce_zone_id,metric_enforce_date,maille,indic_vi,indic_va,indic_vc,indic_ta';

export interface BarometreRow {
  indicatorId: string;
  zone: string;
  date: string;
  level: string;
  vi: number | null;
  va: number | null;
  vc: number | null;
  ta: number | null;
}

export interface DirectionsFile {
  directions: Record<string, Direction | null>;
  ambiguous: Record<string, string>;
}

export function readDirections(): DirectionsFile {
  return JSON.parse(readFileSync(join(FIXTURES, 'barometre-directions.json'), 'utf8')) as DirectionsFile;
}

const cell = (s: string | undefined): number | null => (s === undefined || s.trim() === '' ? null : Number(s));

export function readBarometre(): Map<string, BarometreRow[]> {
  const dir = join(FIXTURES, 'barometre');
  const byIndicator = new Map<string, BarometreRow[]>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.csv')).sort()) {
    const [header, ...lines] = readFileSync(join(dir, file), 'utf8').trim().split(/\r?\n/);
    if (header !== CSV_HEADER) throw new Error(`${file}: unexpected header ${header}`);
    const rows = lines.map((line): BarometreRow => {
      const [indicatorId, zone, date, level, vi, va, vc, ta] = line.split(',');
      return { indicatorId, zone, date, level, vi: cell(vi), va: cell(va), vc: cell(vc), ta: cell(ta) };
    });
    byIndicator.set(rows[0].indicatorId, rows);
  }
  return byIndicator;
}

export function groupByZone(rows: BarometreRow[]): Map<string, BarometreRow[]> {
  const zones = new Map<string, BarometreRow[]>();
  for (const r of rows) zones.set(r.zone, [...(zones.get(r.zone) ?? []), r]);
  return zones;
}

/** Direction from the national row: latest VI vs latest VC; null when absent or equal. */
export function nationalDirection(rows: BarometreRow[]): Direction | null {
  const national = rows.filter((r) => r.zone === 'FRANCE');
  const vi = latestOf(national, 'vi');
  const vc = latestOf(national, 'vc');
  if (vi === null || vc === null || vi === vc) return null;
  return vc > vi ? 'rising' : 'falling';
}

function latestOf(rows: BarometreRow[], key: 'vi' | 'vc'): number | null {
  const withValue = rows.filter((r) => r[key] !== null).sort((a, b) => a.date.localeCompare(b.date));
  return withValue.length > 0 ? withValue[withValue.length - 1][key] : null;
}

const series = (rows: BarometreRow[], key: 'vi' | 'va' | 'vc'): DatedValue[] =>
  rows.flatMap((r) => {
    const value = r[key];
    return value === null ? [] : [{ value, date: r.date, territoryCode: r.zone }];
  });

export type DisagreementClass =
  | 'match'
  | 'missing-input'
  | 'published-100x'
  | 'initial-as-zero'
  | 'intermediate-target'
  | 'clamped/over-achievement'
  | 'inputs-not-in-file'
  | 'opposite-direction'
  | 'unexplained';

export interface ZoneComparison {
  indicatorId: string;
  zone: string;
  asOf: string;
  published: number;
  computed: number | null;
  /** for missing inputs: PILOTE's value matches 100 × VA / VC, i.e. VI taken as 0 */
  publishedAsIfInitialZero: boolean;
  cls: DisagreementClass;
}

export const TOLERANCE = 0.5;
const near = (a: number | null, b: number): boolean => a !== null && Math.abs(a - b) <= TOLERANCE;

/**
 * Indicators whose published rates cannot come from the exported values (see BAROMETRE.md):
 * IND-736 D02 has VA 17639 < VI 17946 and a target above, yet 63 % was published; no direction
 * turns those three numbers into 63.
 */
export const INPUTS_NOT_IN_FILE = new Set(['IND-736']);

/** Compares, for every zone with a published rate, the engine's global rate with PILOTE's latest one. */
export function compareZones(
  indicatorId: string,
  rows: BarometreRow[],
  direction: Direction | null,
  which: 'latest' | 'every' = 'latest',
): ZoneComparison[] {
  const out: ZoneComparison[] = [];
  for (const [zone, zoneRows] of groupByZone(rows)) {
    const published = zoneRows.filter((r) => r.ta !== null).sort((a, b) => a.date.localeCompare(b.date));
    const compared = which === 'latest' ? published.slice(-1) : published;
    for (const last of compared) out.push(compareOne(indicatorId, zone, zoneRows, last, direction));
  }
  return out;
}

// One published row: rebuild PILOTE's inputs as of its date, compute, and classify any disagreement.
function compareOne(
  indicatorId: string,
  zone: string,
  zoneRows: BarometreRow[],
  last: BarometreRow,
  direction: Direction | null,
): ZoneComparison {
  const asOf = last.date;
  const ta = last.ta as number;
  const base = { indicatorId, zone, asOf, published: ta };
  const targets = series(zoneRows, 'vc');
  const currents = series(zoneRows, 'va');
  const initials = series(zoneRows, 'vi');

  if (direction === null) {
    return { ...base, computed: null, publishedAsIfInitialZero: false, cls: 'missing-input' };
  }
  const rates = computeIndicatorRates({ direction, initials, currents, targets, asOf });
  const computed = rates.global.value;
  const withInitialZero = computeIndicatorRate({
    direction,
    initial: { value: 0, date: asOf },
    current: rates.current,
    target: rates.globalTarget,
  }).value;
  const publishedAsIfInitialZero = near(withInitialZero, ta);
  return { ...base, computed, publishedAsIfInitialZero, cls: classify() };

  function classify(): DisagreementClass {
    if (near(computed, ta)) return 'match';
    if (computed === null) return 'missing-input';
    if (Math.abs(ta - 100 * computed) <= 100 * TOLERANCE && ta > 100) return 'published-100x';
    if (publishedAsIfInitialZero) return 'initial-as-zero';
    const others = targets.filter((t) => t !== rates.globalTarget);
    if (others.some((target) => near(computeIndicatorRate({ direction: direction as Direction, initial: rates.initial, current: rates.current, target }).value, ta))) {
      return 'intermediate-target';
    }
    const vi = rates.initial?.value ?? 0;
    const va = rates.current?.value ?? 0;
    const vc = rates.globalTarget?.value ?? 0;
    const raw = vc === vi ? null : (100 * (va - vi)) / (vc - vi);
    // PILOTE publishing the unclamped value (e.g. 103 % for an over-achieved target)
    if (raw !== null && (raw < 0 || raw > 100) && near(raw, ta)) return 'clamped/over-achievement';
    if (INPUTS_NOT_IN_FILE.has(indicatorId)) return 'inputs-not-in-file';
    const opposite: Direction = direction === 'rising' ? 'falling' : 'rising';
    if (near(computeIndicatorRate({ direction: opposite, initial: rates.initial, current: rates.current, target: rates.globalTarget }).value, ta)) {
      return 'opposite-direction';
    }
    return 'unexplained';
  }
}

export function countByClass(comparisons: ZoneComparison[]): Record<DisagreementClass, number> {
  const counts: Record<DisagreementClass, number> = {
    match: 0,
    'missing-input': 0,
    'published-100x': 0,
    'initial-as-zero': 0,
    'intermediate-target': 0,
    'clamped/over-achievement': 0,
    'inputs-not-in-file': 0,
    'opposite-direction': 0,
    unexplained: 0,
  };
  for (const c of comparisons) counts[c.cls] += 1;
  return counts;
}
