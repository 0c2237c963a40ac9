// Reading PILOTE's public baromètre files (data.gouv.fr "Baromètre des résultats de l'action
// publique"): one row per indicator × territory × date. Pure: the caller reads the files.
import { isIsoDate, lastDayOfMonth } from '../dates';

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

export interface ParsedBarometre {
  rows: BarometreRow[];
  /** rows kept with a correction, or skipped, each with the reason */
  warnings: string[];
}

const COLUMNS = ['indic_id', 'enforce_zone_id', 'metric_enforce_date', 'maille', 'indic_vi', 'indic_va', 'indic_vc', 'indic_ta'] as const;

/**
 * Parses one baromètre CSV. Columns are found by name (any order, extra columns ignored); the
 * separator is `,` or `;` (then a decimal comma is accepted). An impossible day such as
 * 2023-06-31 becomes the month's last day, as PILOTE's own hard-coded fix does; a row whose date
 * or number cannot be read is skipped with a warning. Throws when a column is missing.
 */
export function parseBarometreCsv(text: string, fileName = 'file'): ParsedBarometre {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length === 0) return { rows: [], warnings: [`${fileName}: empty file`] };
  const separator = lines[0].includes(';') && !lines[0].includes(',') ? ';' : ',';
  const header = lines[0].split(separator).map((h) => h.trim().replace(/^"|"$/g, ''));
  const index = COLUMNS.map((c) => header.indexOf(c));
  const missing = COLUMNS.filter((_, i) => index[i] < 0);
  if (missing.length > 0) throw new Error(`${fileName}: not a baromètre file, missing column(s) ${missing.join(', ')}`);
  const rows: BarometreRow[] = [];
  const warnings: string[] = [];
  lines.slice(1).forEach((line, i) => {
    const cells = line.split(separator).map((c) => c.trim().replace(/^"|"$/g, ''));
    const at = (k: number): string => cells[index[k]] ?? '';
    const where = `${fileName} line ${i + 2}`;
    const date = fixDate(at(2));
    if (date === null) {
      warnings.push(`${where}: unreadable date "${at(2)}", row skipped`);
      return;
    }
    if (date !== at(2)) warnings.push(`${where}: date ${at(2)} read as ${date}`);
    const numbers = [4, 5, 6, 7].map((k) => readNumber(at(k), separator));
    if (numbers.some((n) => Number.isNaN(n))) {
      warnings.push(`${where}: unreadable number, row skipped`);
      return;
    }
    const [vi, va, vc, ta] = numbers as (number | null)[];
    rows.push({ indicatorId: at(0), zone: at(1), date, level: at(3), vi, va, vc, ta });
  });
  return { rows, warnings };
}

function readNumber(cell: string, separator: string): number | null {
  if (cell === '') return null;
  const n = Number(separator === ';' ? cell.replace(',', '.') : cell);
  return Number.isFinite(n) ? n : Number.NaN;
}

function fixDate(text: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (!m) return null;
  const date = `${m[1]}-${m[2]}-${m[3]}`;
  if (isIsoDate(date)) return date;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${m[1]}-${m[2]}-${String(lastDayOfMonth(year, month - 1)).padStart(2, '0')}`;
}

/** Rows grouped by indicator id (a file may hold several indicators, an indicator several files). */
export function groupByIndicator(rows: BarometreRow[]): Map<string, BarometreRow[]> {
  return groupBy(rows, (r) => r.indicatorId);
}

export function groupByZone(rows: BarometreRow[]): Map<string, BarometreRow[]> {
  return groupBy(rows, (r) => r.zone);
}

function groupBy(rows: BarometreRow[], key: (r: BarometreRow) => string): Map<string, BarometreRow[]> {
  const out = new Map<string, BarometreRow[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}
