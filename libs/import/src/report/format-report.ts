import type { ImportReport, RateChange } from '../publishing/import-report.types';
import type { ImportIssue } from './import-issue';
import { type ImportLanguage, translateIssue } from './translate-issue';

const t = (lang: ImportLanguage, key: string, params: Record<string, string | number> = {}) => translateIssue({ code: `report.${key}`, params }, lang);

/** The report as text for a terminal: what was read, every problem with where, the effect on rates. */
export function formatReport(report: ImportReport, lang: ImportLanguage = 'fr', options: { maxIssues?: number; maxChanges?: number } = {}): string {
  const maxIssues = options.maxIssues ?? 50;
  const maxChanges = options.maxChanges ?? 20;
  const lines: string[] = [];
  const details = [
    report.file.encoding ? `, ${t(lang, 'encoding', { encoding: report.file.encoding + (report.file.bom ? ' BOM' : '') })}` : '',
    report.file.separator ? `, ${t(lang, 'separator', { separator: report.file.separator })}` : '',
  ].join('');
  lines.push(t(lang, 'file', { name: report.file.name, format: (report.file.format ?? '?').toUpperCase(), details, size: formatBytes(report.file.bytes), mapping: report.mapping ?? '?' }));
  // A value older than its series' latest one completes the history: it is not counted as new.
  const older = report.counts.older ?? 0;
  const fresh = (report.dryRun ? report.counts.wouldWrite : report.counts.written) - older;
  lines.push(t(lang, 'counts', { rows: report.counts.rows, values: report.counts.values, fresh, older, unchanged: report.counts.unchanged }));
  for (const [severity, list, count] of [['errors', report.errors, report.counts.errors], ['warnings', report.warnings, report.counts.warnings]] as const) {
    if (count === 0) continue;
    lines.push('', t(lang, severity, { count }));
    for (const issue of list.slice(0, maxIssues)) lines.push(`  ${formatIssue(issue, lang)}`);
    if (count > Math.min(list.length, maxIssues)) lines.push(`  ${t(lang, 'more', { count: count - Math.min(list.length, maxIssues) })}`);
  }
  if (report.preview) {
    const { indicators, policies } = report.preview;
    lines.push('', t(lang, 'effect', { changed: indicators.changed, touched: indicators.touched }));
    for (const change of indicators.rows.filter((c) => c.changed).slice(0, maxChanges)) lines.push(`  ${formatChange(change, lang)}`);
    if (indicators.changed > maxChanges) lines.push(`  ${t(lang, 'more', { count: indicators.changed - maxChanges })}`);
    lines.push(t(lang, 'policies', { changed: policies.changed, touched: policies.touched }));
    for (const change of policies.rows.filter((c) => c.changed).slice(0, maxChanges)) lines.push(`  ${formatChange(change, lang)}`);
    if (policies.changed > maxChanges) lines.push(`  ${t(lang, 'more', { count: policies.changed - maxChanges })}`);
  }
  lines.push('', t(lang, `status.${report.status}`, { written: report.counts.written, batch: report.batchId ?? '' }));
  return lines.join('\n');
}

export function formatIssue(issue: ImportIssue, lang: ImportLanguage = 'fr'): string {
  const where = [issue.line > 0 ? t(lang, 'where', { line: issue.line }) : t(lang, 'file-level'), issue.column ? t(lang, 'column', { column: issue.column }) : '', issue.value !== undefined && issue.value !== '' ? t(lang, 'value', { value: issue.value }) : '']
    .filter(Boolean)
    .join(', ');
  return `${where} : ${translateIssue(issue, lang)}`.replace(' : ', lang === 'fr' ? ' : ' : ': ');
}

function formatChange(change: RateChange, lang: ImportLanguage): string {
  const rate = (value: number | null | undefined) => (value === null || value === undefined ? t(lang, 'none') : `${formatNumber(value, lang)} %`);
  return `${change.id} ${change.name} — ${change.territoryName} (${change.territoryCode}) : ${t(lang, 'rate', {
    before: rate(change.before?.global), after: rate(change.after.global), beforeAnnual: rate(change.before?.annual), afterAnnual: rate(change.after.annual),
  })}`;
}

function formatNumber(value: number, lang: ImportLanguage): string {
  return value.toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 1 });
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
