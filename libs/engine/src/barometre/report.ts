// The check's result as text, as `pilote barometre check` prints it.
import { formatNumber } from '../format';
import { CLASSES, type BarometreCheck, type IndicatorCheck } from './check';

// rounded down, so that 2955 of 2956 does not read as 100 %
const pct = (n: number, d: number): string => (d === 0 ? '—' : `${(Math.floor((1000 * n) / d) / 10).toFixed(1)} %`);

export interface ReportOptions {
  /** list every disagreeing zone */
  zones?: boolean;
  /** what was compared, e.g. "119 files" */
  source?: string;
  which?: 'latest' | 'every';
}

/** What the inference changed for one indicator, with the evidence, in one line. */
export function describeChoice(i: IndicatorCheck): string {
  const changes = i.chosen.changes.map((c) => (c.startsWith('direction') && i.derived.direction !== null ? `${c} (the files suggest ${i.derived.direction}: ${i.derived.reason})` : c));
  const s = i.inferenceScore;
  const weak = s.zones === 1 ? ' [decided by one zone]' : '';
  const ties = i.ties > 1 ? `; ${i.ties - 1} other set(s) match as many, the simplest is kept` : '';
  return `${i.indicatorId}  ${changes.join('; ')} — ${s.chosen} of ${s.zones} zone(s) match (default: ${s.default}${ties})${weak}`;
}

export function formatBarometreReport(check: BarometreCheck, options: ReportOptions = {}): string {
  const lines: string[] = [];
  const which = options.which === 'every' ? 'every published rate' : 'the latest published rate of each zone';
  lines.push(`Baromètre check${options.source ? ` of ${options.source}` : ''}: ${check.indicators.length} indicator(s), ${check.zones} rate(s) compared (${which}), tolerance ${formatNumber(check.tolerance)} point`);
  lines.push(
    'PILOTE rules applied to every indicator: a missing initial value (VI) is 0; VIs dated before 2018-01-01 are ignored; the global target is the latest one dated on or before 2028-01-01; a département without a current value or a target takes its region\'s values.',
  );
  lines.push('');
  lines.push(`Match: ${check.matched} of ${check.zones} (${pct(check.matched, check.zones)})`);
  lines.push(`  with the default parameters and the derived direction: ${check.defaultMatched} (${pct(check.defaultMatched, check.zones)})`);
  const cv = check.crossValidated;
  lines.push(`  cross-validated, each zone checked with the parameters inferred from its indicator's other zones: ${cv.matched} of ${cv.zones} (${pct(cv.matched, cv.zones)})`);
  const matches = check.comparisons.filter((c) => c.cls === 'match');
  lines.push(`  of the matches, ${matches.filter((c) => c.initialTakenAsZero).length} took a missing VI as 0 and ${matches.filter((c) => c.reportedFrom).length} used their region's values`);
  lines.push('');
  lines.push('Disagreements by class (a rate counts in the first class whose test holds):');
  for (const { cls, meaning } of CLASSES) {
    if (cls === 'match') continue;
    lines.push(`  ${cls.padEnd(20)} ${String(check.counts[cls]).padStart(6)}  ${meaning}`);
  }
  lines.push('');
  const inferred = check.indicators.filter((i) => i.chosen.departures > 0);
  lines.push(`Inferred parameters: ${inferred.length} indicator(s) differ from the default (one choice per indicator, the set matching the most zones; see docs/operating/barometre-check.md):`);
  for (const i of inferred) lines.push(`  ${describeChoice(i)}`);
  if (inferred.length === 0) lines.push('  none');
  const undecided = check.indicators.filter((i) => i.derived.direction === null && i.zones > 0);
  if (undecided.length > 0) {
    lines.push(`Direction not derivable from the files (${undecided.length}): ${undecided.map((i) => `${i.indicatorId} → ${i.chosen.direction}`).join(', ')}`);
  }
  const withMisses = check.indicators.filter((i) => i.matched < i.zones);
  if (withMisses.length > 0) {
    lines.push('');
    lines.push('Indicators with disagreements:');
    for (const i of withMisses) {
      const byClass = new Map<string, number>();
      for (const c of i.comparisons) if (c.cls !== 'match') byClass.set(c.cls, (byClass.get(c.cls) ?? 0) + 1);
      lines.push(`  ${i.indicatorId}  ${i.zones - i.matched} of ${i.zones}: ${[...byClass].map(([k, n]) => `${k} ${n}`).join(', ')}`);
    }
  }
  if (options.zones) {
    lines.push('');
    lines.push('Disagreeing zones (indicator, zone, date, published, computed, classes):');
    if (check.matched === check.zones) lines.push('  none');
    for (const c of check.comparisons) {
      if (c.cls === 'match') continue;
      lines.push(`  ${c.indicatorId} ${c.zone} ${c.asOf} ${formatNumber(c.published)} ${c.computed === null ? '—' : formatNumber(c.computed)} ${c.alsoHolds.join(',')}`);
    }
  }
  return lines.join('\n');
}
