// The engine against the rates PILOTE published in its baromètre: rebuild each zone's inputs from
// the file, compute the global rate, compare with the published one, and sort every disagreement
// into a class defined by the data. Shared by libs/engine's spec and `pilote barometre check`.
import { describeParams, type CalculationParams, withDefaultParams } from '../calculation-params';
import { computeComparableValue, DEFAULT_COMPARABLE_VALUE, type ComparableValueParams, type ComparisonWindow } from '../comparable-value.rule';
import { compareIsoDates } from '../dates';
import { computeIndicatorRate } from '../indicator-rate.rule';
import { computeIndicatorRates } from '../indicator-rates.rule';
import { chooseInitial, type InitialRule } from '../select-initial.rule';
import { selectTargets } from '../select-targets.rule';
import { reportParentValues } from '../territorial-fallback.rule';
import type { DatedValue, Direction } from '../types';
import { groupByIndicator, groupByZone, type BarometreRow } from './read';

export const DEFAULT_TOLERANCE = 0.5;

/**
 * What PILOTE v2 does for every indicator (PILOTE-RULES.md §1.5, §2), applied to every indicator
 * of the check: a missing VI is taken as 0, VIs before 2018-01-01 are ignored, and the global
 * target is the latest one dated on or before 2028-01-01.
 */
export const PILOTE_COMMON_PARAMS: Partial<CalculationParams> = {
  initial: { rule: 'latest-as-of', whenMissing: 'zero', notBefore: '2018-01-01' },
  globalTargetMaxDate: '2028-01-01',
};

export interface IndicatorSetting {
  direction: Direction;
  params: CalculationParams;
}

/** One of PILOTE's parameter sets for an indicator, as the inference tries them. */
export interface Candidate extends IndicatorSetting {
  /** how many parameters differ from the default (derived direction, kit's VI rule, latest VA) */
  departures: number;
  /** what differs from the default, in words; empty for the default */
  changes: string[];
}

export type DisagreementClass =
  | 'match'
  | 'no-rate'
  | 'published-100x'
  | 'initial-as-zero'
  | 'intermediate-target'
  | 'other-initial'
  | 'earlier-current'
  | 'unclamped'
  | 'opposite-direction'
  | 'unexplained';

/** The classes in the order they are tested; each is defined by the zone's data only. */
export const CLASSES: { cls: DisagreementClass; meaning: string }[] = [
  { cls: 'match', meaning: 'within the tolerance of the published rate' },
  { cls: 'no-rate', meaning: 'no current value or no target in the file for the zone: the engine has no rate' },
  { cls: 'published-100x', meaning: 'the published value is 100 × ours (a percentage stored as a ratio × 100)' },
  { cls: 'initial-as-zero', meaning: 'the file has a VI, and the published rate is the rate with VI = 0' },
  { cls: 'intermediate-target', meaning: 'the published rate is the rate against another target of the file' },
  { cls: 'other-initial', meaning: 'the published rate is the rate from another VI of the file' },
  { cls: 'earlier-current', meaning: 'the published rate is the rate of an earlier current value of the file' },
  { cls: 'unclamped', meaning: 'the published rate is the rate before clamping to [0, 100]' },
  { cls: 'opposite-direction', meaning: "the published rate is the rate in the other direction than the indicator's" },
  { cls: 'unexplained', meaning: 'none of the above' },
];

export interface ZoneComparison {
  indicatorId: string;
  zone: string;
  level: string;
  asOf: string;
  published: number;
  computed: number | null;
  /** the zone had no VI: PILOTE's rule took 0 */
  initialTakenAsZero: boolean;
  /** the parent territory whose values were used (the zone had none) */
  reportedFrom?: string;
  cls: DisagreementClass;
  /** every class whose test holds (the first one is `cls`) */
  alsoHolds: DisagreementClass[];
}

export interface DirectionGuess {
  direction: Direction | null;
  reason: string;
}

export interface IndicatorCheck {
  indicatorId: string;
  zones: number;
  matched: number;
  /** matches with the default parameters and the derived direction */
  defaultMatched: number;
  derived: DirectionGuess;
  chosen: Candidate;
  /** candidates that matched as many zones as the chosen one */
  ties: number;
  /** zones (latest published rate each) matched by the chosen and by the default set */
  inferenceScore: { chosen: number; default: number; zones: number; crossValidated: number };
  comparisons: ZoneComparison[];
}

export interface CheckOptions {
  tolerance?: number;
  /** false: every indicator keeps the default parameters and the derived direction */
  infer?: boolean;
  /** 'latest' (default): each zone's latest published rate; 'every': every published row */
  which?: 'latest' | 'every';
  /** the parent of a territory code (a département's region), to report its values to a zone without any */
  parentOf?: (zone: string) => string | undefined;
  /** see DEFAULT_MIN_GAIN_SHARE */
  minGainShare?: number;
}

export interface BarometreCheck {
  indicators: IndicatorCheck[];
  comparisons: ZoneComparison[];
  counts: Record<DisagreementClass, number>;
  zones: number;
  matched: number;
  defaultMatched: number;
  /** latest rate per zone, each zone checked with the set inferred from its indicator's other zones */
  crossValidated: { matched: number; zones: number };
  tolerance: number;
}

const isNational = (r: BarometreRow): boolean => r.level === 'NAT' || r.zone === 'FRANCE';

function latestValue(rows: BarometreRow[], key: 'vi' | 'vc'): number | null {
  let best: BarometreRow | null = null;
  for (const r of rows) if (r[key] !== null && (best === null || compareIsoDates(r.date, best.date) >= 0)) best = r;
  return best === null ? null : best[key];
}

/**
 * The direction the files suggest, as PILOTE's rule reads it: the target lies above the initial
 * value (rising) or below (falling). National row first (latest VI, 0 without one, vs latest
 * target); when it does not decide, the majority of the other zones; otherwise unknown.
 */
export function deriveDirection(rows: BarometreRow[]): DirectionGuess {
  const national = rows.filter(isNational);
  const vc = latestValue(national, 'vc');
  if (vc !== null) {
    const vi = latestValue(national, 'vi');
    const base = vi ?? 0;
    if (vc !== base) return { direction: vc > base ? 'rising' : 'falling', reason: `national target ${vc} ${vc > base ? '>' : '<'} ${vi === null ? 'no VI (0)' : `VI ${vi}`}` };
  }
  let up = 0;
  let down = 0;
  for (const zoneRows of groupByZone(rows.filter((r) => !isNational(r))).values()) {
    const zvc = latestValue(zoneRows, 'vc');
    if (zvc === null) continue;
    const zvi = latestValue(zoneRows, 'vi') ?? 0;
    if (zvc > zvi) up += 1;
    else if (zvc < zvi) down += 1;
  }
  if (up !== down) return { direction: up > down ? 'rising' : 'falling', reason: `territories: ${up} targets above their VI, ${down} below` };
  return { direction: null, reason: national.length > 0 ? 'national target equal to VI or missing, territories undecided' : 'no national row, territories undecided' };
}

const WINDOWS: ComparisonWindow[] = [
  { kind: 'year-start' },
  { kind: 'previous-months', months: 3 },
  { kind: 'previous-months', months: 6 },
  { kind: 'previous-months', months: 12 },
  { kind: 'previous-months', months: 48 },
];

/** PILOTE's comparable-value parameter sets that a file can tell apart (no custom dates). */
export function comparableCandidates(): ComparableValueParams[] {
  const out: ComparableValueParams[] = [DEFAULT_COMPARABLE_VALUE];
  for (const decumulate of [{ kind: 'none' as const }, { kind: 'year-start' as const }]) {
    if (decumulate.kind !== 'none') out.push({ decumulate, window: { kind: 'year-start' }, operation: 'current' });
    for (const operation of ['sum', 'mean'] as const) for (const window of WINDOWS) out.push({ decumulate, window, operation });
  }
  return out;
}

const INITIAL_RULES: InitialRule[] = ['latest-as-of', 'latest-dated', 'oldest', 'not-entered'];

/**
 * Every parameter set the inference tries for one indicator, the default first: the derived
 * direction (rising when unknown) and its opposite × PILOTE's VI rules × comparable current values.
 */
export function candidatesFor(derived: Direction | null): Candidate[] {
  const first: Direction = derived ?? 'rising';
  const out: Candidate[] = [];
  for (const direction of [first, first === 'rising' ? 'falling' : 'rising'] as Direction[]) {
    for (const rule of INITIAL_RULES) {
      for (const globalComparable of comparableCandidates()) {
        const params = withDefaultParams({ ...PILOTE_COMMON_PARAMS, initial: { ...(PILOTE_COMMON_PARAMS.initial as CalculationParams['initial']), rule }, globalComparable });
        const changes = describeParams(params).filter((line) => !COMMON_LINES.has(line));
        const directionChanged = derived !== null && direction !== derived;
        if (directionChanged || (derived === null && direction !== first)) changes.unshift(`direction ${direction}`);
        out.push({ direction, params, departures: changes.length, changes });
      }
    }
  }
  // stable: the enumeration order breaks ties between equally simple sets
  return out.map((c, i) => ({ c, i })).sort((a, b) => a.c.departures - b.c.departures || a.i - b.i).map(({ c }) => c);
}

const COMMON_LINES = new Set(describeParams(withDefaultParams(PILOTE_COMMON_PARAMS)));

function series(rows: BarometreRow[], key: 'vi' | 'va' | 'vc'): DatedValue[] {
  const out: DatedValue[] = [];
  for (const r of [...rows].sort((a, b) => compareIsoDates(a.date, b.date))) {
    const value = r[key];
    if (value !== null) out.push({ value, date: r.date, territoryCode: r.zone });
  }
  return out;
}

interface ZoneInputs {
  zone: string;
  level: string;
  initials: DatedValue[];
  currents: DatedValue[];
  targets: DatedValue[];
  /** published rows to compare, oldest first */
  published: BarometreRow[];
  /** the parent territory whose values were reported to this zone, which had none */
  reportedFrom?: string;
}

function zoneInputs(rows: BarometreRow[], which: 'latest' | 'every', parentOf?: (zone: string) => string | undefined): ZoneInputs[] {
  const out: ZoneInputs[] = [];
  const zones = groupByZone(rows);
  for (const [zone, zoneRows] of zones) {
    const published = zoneRows.filter((r) => r.ta !== null).sort((a, b) => compareIsoDates(a.date, b.date));
    if (published.length === 0) continue;
    let own = zoneRows;
    let reportedFrom: string | undefined;
    // PILOTE reports a region's values to its départements that have none of their own
    const parent = parentOf?.(zone);
    const parentRows = parent === undefined ? undefined : zones.get(parent);
    // (only when the zone cannot be rated from its own rows: no current value or no target)
    if (parentRows !== undefined && (series(zoneRows, 'va').length === 0 || series(zoneRows, 'vc').length === 0) && series(parentRows, 'vc').length > 0) {
      const reported = reportParentValues([], series(parentRows, 'va'), parent as string, 'current value');
      if (reported.source === 'parent') {
        own = parentRows;
        reportedFrom = parent;
      }
    }
    out.push({
      zone,
      level: zoneRows[0].level,
      initials: series(own, 'vi'),
      currents: series(own, 'va'),
      targets: series(own, 'vc'),
      published: which === 'latest' ? published.slice(-1) : published,
      reportedFrom,
    });
  }
  return out;
}

const near = (a: number | null, b: number, tolerance: number): boolean => a !== null && Math.abs(a - b) <= tolerance;

/**
 * Scores every candidate on an indicator's zones. The expensive parts (which VI, which comparable
 * value, which target) depend on one parameter each, so they are computed once per zone and value
 * of that parameter; a candidate then only costs one rate per zone.
 */
function scoreCandidates(zones: ZoneInputs[], candidates: Candidate[], tolerance: number): boolean[][] {
  const matrix: boolean[][] = [];
  for (const z of zones) {
    for (const p of z.published) {
      const row = candidates.map(() => false);
      matrix.push(row);
      const initialCache = new Map<string, DatedValue | null>();
      const currentCache = new Map<string, DatedValue | null>();
      let target: DatedValue | null | undefined;
      candidates.forEach((c, i) => {
        const ik = JSON.stringify(c.params.initial);
        if (!initialCache.has(ik)) initialCache.set(ik, chooseInitial(z.initials, p.date, c.params.initial).value);
        const ck = JSON.stringify(c.params.globalComparable);
        if (!currentCache.has(ck)) currentCache.set(ck, computeComparableValue(z.currents, p.date, c.params.globalComparable).value);
        if (target === undefined) target = selectTargets(z.targets, p.date, { globalMaxDate: c.params.globalTargetMaxDate }).global;
        const rate = computeIndicatorRate({ direction: c.direction, initial: initialCache.get(ik) ?? null, current: currentCache.get(ck) ?? null, target }).value;
        row[i] = near(rate, p.ta as number, tolerance);
      });
    }
  }
  return matrix;
}

/** The index of the candidate chosen from these scores (see checkIndicator). */
function choose(scores: number[], zones: number, minGainShare: number): number {
  const minGain = Math.max(1, Math.ceil(minGainShare * zones));
  let best = 0;
  for (let i = 1; i < scores.length; i += 1) if (scores[i] > scores[best] && scores[i] - scores[0] >= minGain) best = i;
  return best;
}

/**
 * The smallest gain over the default for a parameter set to be adopted: one zone, and at least
 * `minGainShare` of the indicator's zones, so that a few zones matching by coincidence (a clamp
 * at 0 or 100) do not change an indicator's parameters.
 */
export const DEFAULT_MIN_GAIN_SHARE = 0.05;

/**
 * One indicator: the derived direction, then (with `infer`) the parameter set that matches the
 * most zones, ties going to the simplest (fewest departures from the default, in the order of
 * `candidatesFor`). A non-default set must gain at least max(1, 5 % of the zones) over the
 * default. The choice is per indicator, never per zone.
 */
export function checkIndicator(indicatorId: string, rows: BarometreRow[], options: CheckOptions = {}): IndicatorCheck {
  const tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
  const derived = deriveDirection(rows);
  const inferenceZones = zoneInputs(rows, 'latest', options.parentOf);
  const all = candidatesFor(derived.direction);
  const candidates = options.infer === false ? all.slice(0, 1) : all;
  const matrix = scoreCandidates(inferenceZones, candidates, tolerance);
  const scores = candidates.map((_, i) => matrix.reduce((n, row) => n + (row[i] ? 1 : 0), 0));
  const share = options.minGainShare ?? DEFAULT_MIN_GAIN_SHARE;
  const best = choose(scores, inferenceZones.length, share);
  // leave one zone out: the zone is checked with the set inferred from the indicator's other zones
  const crossValidated = matrix.filter((row) => row[choose(scores.map((n, i) => n - (row[i] ? 1 : 0)), inferenceZones.length - 1, share)]).length;
  const ties = scores.filter((n) => n === scores[best]).length;
  const chosen = candidates[best];
  const compared = zoneInputs(rows, options.which ?? 'latest', options.parentOf);
  const comparisons = compared.flatMap((z) => z.published.map((p) => compareZone(indicatorId, z, p, chosen, tolerance)));
  const defaultComparisons = best === 0 ? comparisons : compared.flatMap((z) => z.published.map((p) => compareZone(indicatorId, z, p, candidates[0], tolerance)));
  return {
    indicatorId,
    zones: comparisons.length,
    matched: comparisons.filter((c) => c.cls === 'match').length,
    defaultMatched: defaultComparisons.filter((c) => c.cls === 'match').length,
    derived,
    chosen,
    ties,
    inferenceScore: { chosen: scores[best], default: scores[0], zones: inferenceZones.length, crossValidated },
    comparisons,
  };
}

/** One published rate: computed with the indicator's setting, and classified when they differ. */
function compareZone(indicatorId: string, z: ZoneInputs, row: BarometreRow, setting: IndicatorSetting, tolerance: number): ZoneComparison {
  const asOf = row.date;
  const published = row.ta as number;
  const rates = computeIndicatorRates({ direction: setting.direction, initials: z.initials, currents: z.currents, targets: z.targets, asOf, params: setting.params });
  const computed = rates.global.value;
  const initialTakenAsZero = rates.global.explanation.steps?.some((s) => s.reasonCode === 'initial-taken-as-zero') ?? false;
  const holds: DisagreementClass[] = [];
  const test = (cls: DisagreementClass, ok: () => boolean): void => {
    if (ok()) holds.push(cls);
  };
  const rateWith = (over: { direction?: Direction; initial?: DatedValue | null; current?: DatedValue | null; target?: DatedValue | null }, clamp = true): number | null => {
    const direction = over.direction ?? setting.direction;
    const initial = over.initial === undefined ? rates.initial : over.initial;
    const current = over.current === undefined ? rates.comparable.global : over.current;
    const target = over.target === undefined ? rates.globalTarget : over.target;
    if (clamp) return computeIndicatorRate({ direction, initial, current, target }).value;
    if (initial === null || current === null || target === null || target.value === initial.value) return null;
    return (100 * (current.value - initial.value)) / (target.value - initial.value);
  };

  if (near(computed, published, tolerance)) holds.push('match');
  else {
    test('no-rate', () => computed === null);
    test('published-100x', () => computed !== null && published > 100 && near(computed, published / 100, tolerance));
    test('initial-as-zero', () => !initialTakenAsZero && rates.initial !== null && near(rateWith({ initial: { value: 0, date: asOf } }), published, tolerance));
    test('intermediate-target', () => z.targets.some((t) => t !== rates.globalTarget && t.value !== rates.globalTarget?.value && near(rateWith({ target: t }), published, tolerance)));
    test('other-initial', () => z.initials.some((i) => i.value !== rates.initial?.value && near(rateWith({ initial: i }), published, tolerance)));
    test('earlier-current', () =>
      z.currents.some((c) => compareIsoDates(c.date, rates.comparable.global?.date ?? asOf) < 0 && c.value !== rates.comparable.global?.value && near(rateWith({ current: c }), published, tolerance)),
    );
    test('unclamped', () => (published < 0 || published > 100) && near(rateWith({}, false), published, tolerance));
    test('opposite-direction', () => near(rateWith({ direction: setting.direction === 'rising' ? 'falling' : 'rising' }), published, tolerance));
    if (holds.length === 0) holds.push('unexplained');
  }
  return { indicatorId, zone: z.zone, level: z.level, asOf, published, computed, initialTakenAsZero, reportedFrom: z.reportedFrom, cls: holds[0], alsoHolds: holds };
}

export function emptyCounts(): Record<DisagreementClass, number> {
  return Object.fromEntries(CLASSES.map(({ cls }) => [cls, 0])) as Record<DisagreementClass, number>;
}

/** The whole check over the rows of any number of files. */
export function checkBarometre(rows: BarometreRow[], options: CheckOptions = {}): BarometreCheck {
  const indicators = [...groupByIndicator(rows)].sort(([a], [b]) => a.localeCompare(b)).map(([id, indicatorRows]) => checkIndicator(id, indicatorRows, options));
  const comparisons = indicators.flatMap((i) => i.comparisons);
  const counts = emptyCounts();
  for (const c of comparisons) counts[c.cls] += 1;
  return {
    indicators,
    comparisons,
    counts,
    zones: comparisons.length,
    matched: counts.match,
    defaultMatched: indicators.reduce((s, i) => s + i.defaultMatched, 0),
    crossValidated: {
      matched: indicators.reduce((s, i) => s + i.inferenceScore.crossValidated, 0),
      zones: indicators.reduce((s, i) => s + i.inferenceScore.zones, 0),
    },
    tolerance: options.tolerance ?? DEFAULT_TOLERANCE,
  };
}
