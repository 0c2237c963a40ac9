// PILOTE's calculation parameters of an indicator at one level, as the referential declares them
// (`levels.<LEVEL>.calculation`), their translation for the engine, and PILOTE v2's own names.
import { DEFAULT_COMPARABLE_VALUE, parsePiloteComparable, type CalculationParams, type ComparableValueParams } from '@pilote/engine';
import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');

/**
 * A comparable current value (PILOTE's VACA/VACG): `operation` current | sum | mean, over `window`
 * year-start | last-<N>-months | since-<YYYY-MM-DD>, after `decumulate` none | year-start | since-<YYYY-MM-DD>.
 */
export const comparableSettingsSchema = z
  .object({
    operation: z.enum(['current', 'sum', 'mean']).default('current'),
    window: z
      .string()
      .regex(/^(year-start|last-[1-9]\d*-months|since-\d{4}-\d{2}-\d{2})$/, 'year-start, last-<N>-months or since-<YYYY-MM-DD>')
      .optional(),
    decumulate: z.string().regex(/^(none|year-start|since-\d{4}-\d{2}-\d{2})$/, 'none, year-start or since-<YYYY-MM-DD>').optional(),
  })
  .strict();

/** Every field is optional: an absent one keeps the kit's default (and today's behaviour). */
export const calculationSettingsSchema = z
  .object({
    /** which VI: latest-as-of (default), latest-dated, last-imported, oldest, not-entered */
    initial: z.enum(['latest-as-of', 'latest-dated', 'last-imported', 'oldest', 'not-entered']).optional(),
    /** none (default: no rate without a VI) or zero (PILOTE) */
    missingInitial: z.enum(['none', 'zero']).optional(),
    initialNotBefore: isoDate.optional(),
    /** VACA, for the annual rate */
    annualComparable: comparableSettingsSchema.optional(),
    /** VACG, for the global rate */
    globalComparable: comparableSettingsSchema.optional(),
    /** as-of (default, PILOTE "règle 620") or current-value (PILOTE taa_courant) */
    annualTargetYear: z.enum(['as-of', 'current-value']).optional(),
    globalTargetMaxDate: isoDate.optional(),
    /**
     * PILOTE's replication (`replicate_val_reg_to`): a territory of this level without values of a
     * kind (VI, VA, VC) takes its parent's, e.g. a département its région's. Default false.
     */
    reportParentValues: z.boolean().optional(),
    /**
     * PILOTE's "règle 544" (`agg_nat_rule544`): a VI or VC aggregated at this level uses the value
     * entered at this level while no territory below has one. Default false (both are read together).
     */
    enteredUntilAggregated: z.boolean().optional(),
  })
  .strict();

export type ComparableSettings = z.output<typeof comparableSettingsSchema>;
export type CalculationSettings = z.output<typeof calculationSettingsSchema>;

function toComparable(s: ComparableSettings | undefined): ComparableValueParams | undefined {
  if (s === undefined) return undefined;
  const out: ComparableValueParams = { ...DEFAULT_COMPARABLE_VALUE, operation: s.operation };
  if (s.window === 'year-start') out.window = { kind: 'year-start' };
  else if (s.window?.startsWith('last-')) out.window = { kind: 'previous-months', months: Number(s.window.split('-')[1]) };
  else if (s.window?.startsWith('since-')) out.window = { kind: 'custom-date', date: s.window.slice('since-'.length) };
  if (s.decumulate === 'year-start') out.decumulate = { kind: 'year-start' };
  else if (s.decumulate?.startsWith('since-')) out.decumulate = { kind: 'custom-date', date: s.decumulate.slice('since-'.length) };
  return out;
}

function fromComparable(p: ComparableValueParams): ComparableSettings {
  const out: ComparableSettings = { operation: p.operation };
  const w = p.window;
  const d = p.decumulate;
  if (p.operation !== 'current') out.window = w.kind === 'year-start' ? 'year-start' : w.kind === 'previous-months' ? `last-${w.months}-months` : `since-${w.date}`;
  if (d.kind !== 'none') out.decumulate = d.kind === 'year-start' ? 'year-start' : `since-${d.date}`;
  return out;
}

/** The engine's parameters for a level's declared settings (undefined: the engine's defaults). */
export function toEngineParams(settings: CalculationSettings | undefined): Partial<CalculationParams> | undefined {
  if (settings === undefined) return undefined;
  const params: Partial<CalculationParams> = {};
  if (settings.initial !== undefined || settings.missingInitial !== undefined || settings.initialNotBefore !== undefined) {
    params.initial = { rule: settings.initial ?? 'latest-as-of', whenMissing: settings.missingInitial ?? 'none', ...(settings.initialNotBefore ? { notBefore: settings.initialNotBefore } : {}) };
  }
  const annual = toComparable(settings.annualComparable);
  const global = toComparable(settings.globalComparable);
  if (annual) params.annualComparable = annual;
  if (global) params.globalComparable = global;
  if (settings.annualTargetYear) params.annualTargetYear = settings.annualTargetYear;
  if (settings.globalTargetMaxDate) params.globalTargetMaxDate = settings.globalTargetMaxDate;
  return params;
}

const PILOTE_LEVELS: Record<string, string> = { dept: 'DEPT', reg: 'REG', nat: 'NAT' };
const PILOTE_FROM: Record<string, 'entered' | 'aggregated'> = { user_input: 'entered', DEPT: 'aggregated', REG: 'aggregated' };

/**
 * Accepts PILOTE v2's parameter names on an indicator of a referential file (its
 * `metadata_parametrage_indicateurs` columns), translated to the kit's fields:
 * - `tendance` HAUSSE | BAISSE → `direction` rising | falling;
 * - `param_vaca_{decumul_from,partition_date,op}` / `param_vacg_…` → `calculation.annualComparable` /
 *   `globalComparable` of every level of the indicator;
 * - `poids_pourcent_{dept,reg,nat}_declaree` → `levels.<LEVEL>.weight`;
 * - `{vi,va,vc}_{dept,reg,nat}_from` user_input | DEPT | REG → `levels.<LEVEL>.VI|VA|VC` entered | aggregated;
 * - `va_{dept,reg,nat}_op` sum | moy → `levels.<LEVEL>.aggregation` sum | mean;
 * - `replicate_val_reg_to` DEPT / `replicate_val_nat_to` REG → `levels.<that LEVEL>.calculation.reportParentValues`
 *   (the kit reports from the level directly above only: other targets are reported as unread);
 * - `agg_nat_rule544` true → `levels.NAT.calculation.enteredUntilAggregated`.
 * Kit fields given alongside win. Per-level names only apply to the levels the indicator declares.
 * A value the kit cannot read is reported through `report` (the schema turns it into a problem
 * naming the PILOTE parameter).
 */
export function fromPiloteV2(raw: unknown, report: (field: string, message: string) => void = () => undefined): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
  const source = raw as Record<string, unknown>;
  const pilote = Object.keys(source).filter((k) => /^(tendance|param_vac[ag]_|poids_pourcent_|v[iac]_(dept|reg|nat)_(from|op)$|replicate_val_(reg|nat)_to$|agg_nat_rule544$)/.test(k));
  if (pilote.length === 0) return raw;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(source)) if (!pilote.includes(k)) out[k] = v;
  const tendance = source.tendance;
  if (tendance !== undefined && out.direction === undefined) {
    const t = String(tendance).toUpperCase();
    if (t === 'HAUSSE') out.direction = 'rising';
    else if (t === 'BAISSE') out.direction = 'falling';
    else report('tendance', `PILOTE parameter tendance: "${String(tendance)}" is not HAUSSE or BAISSE`);
  }
  const levels = typeof out.levels === 'object' && out.levels !== null ? (structuredClone(out.levels) as Record<string, Record<string, unknown>>) : {};
  const comparables: Record<'annualComparable' | 'globalComparable', ComparableSettings | undefined> = { annualComparable: undefined, globalComparable: undefined };
  for (const [prefix, field] of [['param_vaca_', 'annualComparable'], ['param_vacg_', 'globalComparable']] as const) {
    const strings = {
      decumul_from: source[`${prefix}decumul_from`] as string | undefined,
      partition_date: source[`${prefix}partition_date`] as string | undefined,
      op: source[`${prefix}op`] as string | undefined,
    };
    if (Object.values(strings).every((s) => s === undefined || s === null || String(s).trim() === '')) continue;
    try {
      comparables[field] = fromComparable(parsePiloteComparable({ decumul_from: str(strings.decumul_from), partition_date: str(strings.partition_date), op: str(strings.op) }));
    } catch (error) {
      const message = (error as Error).message;
      const name = message.split(':')[0];
      report(`${prefix}${name}`, `PILOTE parameter ${prefix}${message}`);
    }
  }
  const territorial = piloteTerritorialFallbacks(source, report);
  for (const [level, settings] of Object.entries(levels)) {
    if (typeof settings !== 'object' || settings === null) continue;
    const suffix = Object.entries(PILOTE_LEVELS).find(([, id]) => id === level)?.[0];
    const calculation = { ...((settings.calculation as Record<string, unknown> | undefined) ?? {}) };
    for (const field of ['annualComparable', 'globalComparable'] as const) if (comparables[field] && calculation[field] === undefined) calculation[field] = comparables[field];
    for (const [field, value] of Object.entries(territorial[level] ?? {})) if (calculation[field] === undefined) calculation[field] = value;
    if (Object.keys(calculation).length > 0) settings.calculation = calculation;
    if (suffix === undefined) continue;
    const weight = source[`poids_pourcent_${suffix}_declaree`];
    if (weight !== undefined && weight !== null && weight !== '' && settings.weight === undefined) settings.weight = Number(String(weight).replace(',', '.'));
    for (const kind of ['vi', 'va', 'vc'] as const) {
      const from = source[`${kind}_${suffix}_from`];
      const key = kind.toUpperCase();
      if (from === undefined || from === null || from === '' || settings[key] !== undefined) continue;
      if (PILOTE_FROM[String(from)] !== undefined) settings[key] = PILOTE_FROM[String(from)];
      else report(`${kind}_${suffix}_from`, `PILOTE parameter ${kind}_${suffix}_from: "${String(from)}" is not read by the kit (user_input, DEPT or REG)`);
    }
    const op = source[`va_${suffix}_op`];
    if (op !== undefined && op !== null && op !== '' && settings.aggregation === undefined) {
      if (String(op) === 'sum' || String(op) === 'moy') settings.aggregation = String(op) === 'moy' ? 'mean' : 'sum';
      else report(`va_${suffix}_op`, `PILOTE parameter va_${suffix}_op: "${String(op)}" is not sum or moy`);
    }
  }
  if (Object.keys(levels).length > 0) out.levels = levels;
  return out;
}

/** Where PILOTE copies a parent's values down (`replicate_val_*_to`) and where it applies règle 544. */
const PILOTE_REPLICATION: Record<string, { parent: string; child: string }> = { replicate_val_reg_to: { parent: 'REG', child: 'DEPT' }, replicate_val_nat_to: { parent: 'NAT', child: 'REG' } };

function piloteTerritorialFallbacks(source: Record<string, unknown>, report: (field: string, message: string) => void): Record<string, Record<string, boolean>> {
  const byLevel: Record<string, Record<string, boolean>> = {};
  for (const [name, { parent, child }] of Object.entries(PILOTE_REPLICATION)) {
    const to = source[name];
    if (to === undefined || to === null || String(to).trim() === '') continue;
    if (String(to).trim().toUpperCase() === child) byLevel[child] = { ...byLevel[child], reportParentValues: true };
    else report(name, `PILOTE parameter ${name}: "${String(to)}" is not read by the kit (${parent} values are reported to ${child} only)`);
  }
  const rule544 = source.agg_nat_rule544;
  if (rule544 !== undefined && rule544 !== null && String(rule544).trim() !== '') {
    const flag = piloteBoolean(rule544);
    if (flag === undefined) report('agg_nat_rule544', `PILOTE parameter agg_nat_rule544: "${String(rule544)}" is not true or false`);
    else if (flag) byLevel.NAT = { ...byLevel.NAT, enteredUntilAggregated: true };
  }
  return byLevel;
}

function piloteBoolean(value: unknown): boolean | undefined {
  const text = String(value).trim().toLowerCase();
  if (['true', '1', 't', 'oui', 'yes'].includes(text)) return true;
  if (['false', '0', 'f', 'non', 'no'].includes(text)) return false;
  return undefined;
}

function str(v: unknown): string | null {
  return v === undefined || v === null ? null : String(v);
}
