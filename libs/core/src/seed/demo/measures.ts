import { dayNumber, isoDate, parseIsoDate, periodEnds } from './dates';
import { Rng } from './prng';
import type { DemoAggregation, DemoIndicator, DemoMeasure, DemoTerritory, GenerateDemoMeasuresInput } from './types';

/**
 * Levels whose territories may carry an indicator's series, finest first: the finest one where the
 * indicator is entered (communes, intercommunalités or départements) carries it, the coarser ones
 * aggregate it. Custom perimeters (not parents of these) are left out.
 */
const BASE_LEVELS = ['COM', 'EPCI', 'DEPT'] as const;

/** The level carrying an indicator's series: the finest base level where a kind is entered (départements by default). */
export function demoBaseLevel(indicator: DemoIndicator): string {
  const entered = (level: string) => ['VI', 'VA', 'VC'].some((kind) => indicator.levels[level]?.[kind as 'VI'] === 'entered');
  return BASE_LEVELS.find(entered) ?? 'DEPT';
}
const PER_CAPITA = 100_000;
/** Used when a département has no population. */
const FALLBACK_POPULATION = 500_000;

/** Share of indicator × département pairs without any VA ("rate not computable"). */
const NO_VA_SHARE = 0.02;
/** Share of pairs whose reporting stops during the last year (stale values, freshness alerts). */
const STALE_SHARE = 0.03;
/** Share of periods missing in a reporting pair. */
const GAP_SHARE = 0.03;

interface UnitProfile {
  /** Counts scale with population: `base` is then per 100,000 inhabitants. */
  scaled: boolean;
  base: [number, number];
  decimals: number;
  min: number;
  max: number;
  /** Bounded units (%, marks) move a share of the remaining headroom rather than a ratio. */
  bounded: boolean;
}

/**
 * Plausible magnitudes per unit. The generator only knows units, so these ranges are wide;
 * each indicator draws its own national level inside them.
 */
function unitProfile(indicator: DemoIndicator, aggregation: DemoAggregation): UnitProfile {
  const unit = indicator.unit.trim().toLowerCase();
  const rising = indicator.direction === 'rising';
  if (unit === '%') return { scaled: false, base: rising ? [18, 72] : [5, 32], decimals: 1, min: 0, max: 100, bounded: true };
  if (unit.startsWith('note')) return { scaled: false, base: [5.5, 7.5], decimals: 1, min: 0, max: 10, bounded: true };
  if (aggregation === 'sum') {
    const ranges: Record<string, [number, number, number]> = {
      // Falling counts are usually incidents or backlogs, rarer than the things a policy deploys.
      nombre: rising ? [1, 150, 0] : [0.5, 40, 0], places: [15, 200, 0], mw: [20, 250, 1], '€': [80_000, 2_000_000, 0],
      kg: [5, 150, 0], hectares: [1, 30, 1],
    };
    const [low, high, decimals] = ranges[unit] ?? ranges.nombre;
    return { scaled: true, base: [low, high], decimals, min: 0, max: Number.POSITIVE_INFINITY, bounded: false };
  }
  const absolute: Record<string, [number, number, number]> = {
    jours: [20, 140, 1], heures: [2.5, 6, 1], minutes: [8, 25, 1], '€': [5_000, 25_000, 0],
    'élèves': [11.5, 14, 1], 'pour 100 000 hab.': [60, 120, 1],
  };
  const [low, high, decimals] = absolute[unit] ?? [10, 100, 1];
  return { scaled: false, base: [low, high], decimals, min: 0, max: Number.POSITIVE_INFINITY, bounded: false };
}

function defaultAggregation(indicator: DemoIndicator): DemoAggregation {
  const declared = indicator.levels.NAT?.aggregation ?? indicator.levels.REG?.aggregation;
  if (declared) return declared;
  return ['nombre', 'places', 'mw', 'kg', 'hectares'].includes(indicator.unit.trim().toLowerCase()) ? 'sum' : 'population-weighted-mean';
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** National targets are announced as round figures: 3 significant digits, towards ambition. */
function roundTarget(value: number, decimals: number, rising: boolean): number {
  if (Math.abs(value) < 1000) return round(value, decimals);
  const magnitude = 10 ** (Math.floor(Math.log10(Math.abs(value))) - 2);
  return (rising ? Math.ceil(value / magnitude) : Math.floor(value / magnitude)) * magnitude;
}

interface Series {
  vi: number;
  /** Targets by date (intermediate ones first, final last). */
  vc: Map<string, number>;
  /** Every period's value, before gaps are applied (used for entered aggregates). */
  va: Map<string, number>;
  /** Periods actually reported by the territory. */
  reported: Set<string>;
}

function aggregate(values: { value: number; population: number }[], aggregation: DemoAggregation): number {
  if (aggregation === 'sum') return values.reduce((sum, v) => sum + v.value, 0);
  if (aggregation === 'mean') return values.reduce((sum, v) => sum + v.value, 0) / values.length;
  const weight = values.reduce((sum, v) => sum + v.population, 0);
  return values.reduce((sum, v) => sum + v.value * v.population, 0) / weight;
}

/**
 * Demo values for every indicator at the levels where a kind is *entered*: départements
 * always carry the data; national (and regional) entered values are derived from their
 * départements so that they stay consistent. Aggregated kinds are never emitted.
 */
export function generateDemoMeasures(input: GenerateDemoMeasuresInput): DemoMeasure[] {
  const { indicators, territories, seed, from, until } = input;
  parseIsoDate(from);
  const untilYear = parseIsoDate(until).year;
  if (until < from) throw new Error(`"until" (${until}) is before "from" (${from})`);

  // Target dates: annual targets on 31 December of the year of `until` and of the two years
  // before, the final one a year later — as in PILOTE, where a policy's end date lies beyond the
  // current year: the annual rate (this year's target) then differs from the global one (the final target).
  const finalTargetDate = isoDate(untilYear + 1, 12, 31);
  const targetDates = [untilYear - 2, untilYear - 1, untilYear, untilYear + 1].map((year) => isoDate(year, 12, 31)).filter((date) => date > from);
  const startDay = dayNumber(from);
  const span = dayNumber(finalTargetDate) - startDay;
  const elapsed = (date: string) => Math.max(0, (dayNumber(date) - startDay) / span);

  const parentOf = new Map(territories.map((t) => [t.code, t.parentCode]));
  // Every territory's ancestors: a coarser level's values are the aggregate of the base territories under it.
  const ancestors = (code: string): Set<string> => {
    const found = new Set<string>();
    for (let parent = parentOf.get(code); parent && !found.has(parent); parent = parentOf.get(parent)) found.add(parent);
    return found;
  };
  const ancestorsByCode = new Map<string, Set<string>>();
  const ancestorsOf = (code: string) => ancestorsByCode.get(code) ?? ancestorsByCode.set(code, ancestors(code)).get(code)!;
  const population = (t: DemoTerritory) => (t.population && t.population > 0 ? t.population : FALLBACK_POPULATION);

  const measures: DemoMeasure[] = [];
  for (const indicator of indicators) {
    const aggregation = defaultAggregation(indicator);
    const profile = unitProfile(indicator, aggregation);
    const rising = indicator.direction === 'rising';
    const step = 10 ** -profile.decimals;
    const dates = periodEnds(indicator.periodicity, from, until);
    const rngIndicator = Rng.for(seed, 'indicator', indicator.id);
    // National level of the indicator and the ambition of its targets.
    const base = rngIndicator.logRange(profile.base[0], profile.base[1]);
    const ambition = rising ? rngIndicator.range(0.2, 0.6) : rngIndicator.range(0.15, 0.4);
    const curve = rngIndicator.range(0.8, 1.3);

    const baseLevel = demoBaseLevel(indicator);
    const departments = territories.filter((t) => t.level === baseLevel);
    const series = new Map<string, Series>();
    for (const department of departments) {
      const rng = Rng.for(seed, 'measure', indicator.id, department.code);
      const scale = profile.scaled ? population(department) / PER_CAPITA : 1;

      // Initial value: the national level, with some territorial dispersion.
      let vi = base * scale * rng.logRange(0.65, 1.5);
      if (profile.bounded) vi = Math.min(vi, profile.max * (rising ? 0.92 : 0.8));
      vi = Math.max(round(vi, profile.decimals), rising ? 0 : 2 * step);

      // Final target, consistent with the direction and never equal to VI once rounded.
      const localAmbition = ambition * rng.range(0.7, 1.3);
      let final: number;
      if (profile.bounded && rising) final = vi + (profile.max - vi) * Math.min(0.9, localAmbition);
      else if (rising) final = Math.max(vi * (1 + localAmbition), vi + step);
      else final = vi * (1 - localAmbition);
      final = round(final, profile.decimals);
      if (rising && final <= vi) final = round(vi + step, profile.decimals);
      if (!rising && final >= vi) final = round(vi - step, profile.decimals);
      final = Math.min(profile.max, Math.max(profile.min, final));

      const vc = new Map<string, number>();
      for (const date of targetDates) {
        const share = date === finalTargetDate ? 1 : Math.min(1, elapsed(date)) ** curve;
        vc.set(date, round(vi + (final - vi) * share, profile.decimals));
      }

      // Territory-specific speed: most on track, some ahead, some behind, a few flat or regressing.
      const profileDraw = rng.float();
      const speed =
        profileDraw < 0.04 ? rng.range(-0.4, -0.05)
        : profileDraw < 0.1 ? rng.range(0, 0.08)
        : profileDraw < 0.28 ? rng.range(0.3, 0.6)
        : profileDraw < 0.85 ? rng.range(0.75, 1.05)
        : rng.range(1.05, 1.3);
      const localCurve = curve * rng.range(0.85, 1.15);
      const amplitude = Math.abs(final - vi);
      const sigma = 0.04 * amplitude + 0.012 * Math.abs(vi);
      let noise = 0;
      const va = new Map<string, number>();
      for (const date of dates) {
        noise = 0.6 * noise + rng.normal() * sigma;
        const progress = speed * Math.min(1.2, elapsed(date)) ** localCurve;
        const value = vi + (final - vi) * progress + noise;
        va.set(date, round(Math.min(profile.max, Math.max(profile.min, value)), profile.decimals));
      }

      // Reporting: a few pairs never report, a few stop, and ≈3 % of periods are missing.
      const reported = new Set<string>();
      const reportDraw = rng.float();
      if (reportDraw >= NO_VA_SHARE) {
        const stopsAfter = reportDraw < NO_VA_SHARE + STALE_SHARE ? isoDate(untilYear - 1, rng.int(1, 12), 1) : null;
        for (const date of dates) {
          if (stopsAfter && date >= stopsAfter) break;
          if (!rng.chance(GAP_SHARE)) reported.add(date);
        }
      }
      series.set(department.code, { vi, vc, va, reported });
    }

    // The base level (départements unless entered finer): entered values.
    const deptLevel = indicator.levels[baseLevel];
    if (deptLevel) {
      for (const department of departments) {
        const s = series.get(department.code)!;
        if (deptLevel.VI === 'entered') measures.push({ indicatorId: indicator.id, territoryCode: department.code, date: from, kind: 'VI', value: s.vi });
        if (deptLevel.VC === 'entered') {
          for (const [date, value] of s.vc) measures.push({ indicatorId: indicator.id, territoryCode: department.code, date, kind: 'VC', value });
        }
        if (deptLevel.VA === 'entered') {
          for (const date of dates) {
            if (s.reported.has(date)) measures.push({ indicatorId: indicator.id, territoryCode: department.code, date, kind: 'VA', value: s.va.get(date)! });
          }
        }
      }
    }

    // Coarser levels (régions, nation…): entered values are the aggregate of the base territories
    // under them, as a coordinating administration would publish them (national targets as round figures).
    for (const [level, settings] of Object.entries(indicator.levels)) {
      if (level === baseLevel || !settings) continue;
      if (!['VI', 'VA', 'VC'].some((kind) => settings[kind as 'VI'] === 'entered')) continue;
      const levelAggregation = settings.aggregation ?? aggregation;
      const holders = territories.filter((t) => t.level === level);
      for (const holder of holders) {
        const members = departments.filter((d) => ancestorsOf(d.code).has(holder.code));
        if (members.length === 0) continue;
        const collect = (pick: (s: Series) => number | undefined) =>
          members.flatMap((d) => {
            const value = pick(series.get(d.code)!);
            return value === undefined ? [] : [{ value, population: population(d) }];
          });
        const push = (kind: DemoMeasure['kind'], date: string, value: number) =>
          measures.push({ indicatorId: indicator.id, territoryCode: holder.code, date, kind, value });
        if (settings.VI === 'entered') push('VI', from, round(aggregate(collect((s) => s.vi), levelAggregation), profile.decimals));
        if (settings.VC === 'entered') {
          for (const date of targetDates) {
            const value = aggregate(collect((s) => s.vc.get(date)), levelAggregation);
            push('VC', date, level === 'NAT' ? roundTarget(value, profile.decimals, rising) : round(value, profile.decimals));
          }
        }
        if (settings.VA === 'entered') {
          for (const date of dates) push('VA', date, round(aggregate(collect((s) => s.va.get(date)), levelAggregation), profile.decimals));
        }
      }
    }
  }
  return measures;
}
