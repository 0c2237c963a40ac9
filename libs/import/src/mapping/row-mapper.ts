import type { MeasureKind } from '@pilote/core';
import type { TableRow } from '../reading/table.types';
import type { IssueCollector } from '../report/import-issue';
import { schemaField } from '../schema/pilote-schema';
import type { TableSchemaField } from '../schema/table-schema.types';
import { type CellCheck, validateCell } from '../schema/validate-cell';
import { checkReferential } from '../validation/check-referential';
import type { ReferentialIndex } from '../validation/referential-index';
import type { ColumnMapping } from './column-mapping';

/** A value ready to be written, with the line it came from (for duplicate reports). */
export interface StagedMeasure {
  line: number;
  indicatorId: string;
  territoryCode: string;
  date: string;
  kind: MeasureKind;
  value: number;
}

export type MapRow = (row: TableRow) => StagedMeasure[];

const KNOWN_CELLS = 10_000;

interface Column {
  index: number;
  name: string;
}

/**
 * Resolves the mapping's columns in the header (case and surrounding spaces ignored) and returns
 * the function that turns one row into measures, reporting each problem with line and column.
 * Returns the missing column names instead when the header does not fit the mapping.
 */
export function createRowMapper(mapping: ColumnMapping, header: readonly string[], index: ReferentialIndex, issues: IssueCollector): MapRow | { missing: string[] } {
  const positions = new Map(header.map((name, i) => [name.trim().toLowerCase(), i] as const));
  const missing: string[] = [];
  const column = (name: string): Column => {
    const position = positions.get(name.toLowerCase());
    if (position === undefined) missing.push(name);
    return { index: position ?? -1, name: header[position ?? -1] ?? name };
  };
  const indicatorColumn = column(mapping.columns.indicator);
  const territoryColumn = column(mapping.columns.territory);
  const dateColumn = column(mapping.columns.date);
  const kindColumn = mapping.columns.kind ? column(mapping.columns.kind) : undefined;
  const valueColumn = mapping.columns.value ? column(mapping.columns.value) : undefined;
  const wideColumns = Object.entries(mapping.values ?? {}).map(([kind, name]) => ({ kind: kind as MeasureKind, column: column(name) }));
  if (missing.length > 0) return { missing };

  const kinds = new Map(Object.entries(mapping.kinds ?? { vi: 'VI', va: 'VA', vc: 'VC', vc_intermediaire: 'VC_INTERMEDIATE' }).map(([code, kind]) => [code.toLowerCase(), kind]));
  const kindField: TableSchemaField = { ...schemaField('type_valeur'), constraints: { required: true, enum: [...kinds.keys()] } };
  const fields = { indicator: schemaField('identifiant_indic'), territory: schemaField('zone_id'), date: schemaField('date_valeur'), value: schemaField('valeur') };
  const used = [indicatorColumn, territoryColumn, dateColumn, kindColumn, valueColumn, ...wideColumns.map((w) => w.column)].filter((c): c is Column => Boolean(c));
  const lastUsed = Math.max(...used.map((c) => c.index));

  // Codes, kinds and dates repeat across a file (a few hundred distinct ones in a million rows):
  // each distinct cell is checked once. Bounded, and validateCell is a pure function.
  const known = new Map<TableSchemaField, Map<string, CellCheck>>();
  const checkRepeated = (field: TableSchemaField, raw: string): CellCheck => {
    let checks = known.get(field);
    if (!checks) known.set(field, (checks = new Map()));
    let check = checks.get(raw);
    if (check === undefined) {
      check = validateCell(field, raw);
      if (checks.size >= KNOWN_CELLS) checks.clear();
      checks.set(raw, check);
    }
    return check;
  };

  return (row) => {
    const { cells, line } = row;
    if (cells.every((cell) => cell.trim() === '')) return [];
    if (cells.length <= lastUsed || hasExtraCells(cells, header.length)) {
      issues.error('cellCount', line, { value: cells.join(' | '), params: { expected: header.length, found: cells.length } });
      return [];
    }
    let failed = false;
    const read = (field: TableSchemaField, col: Column) => {
      const raw = cells[col.index] ?? '';
      const check = field.type === 'number' || field.type === 'integer' ? validateCell(field, raw) : checkRepeated(field, raw);
      if (check.ok) return check.value;
      failed = true;
      issues.error(check.code, line, { column: col.name, value: raw, params: check.params });
      return null;
    };
    const indicatorId = read(fields.indicator, indicatorColumn) as string | null;
    const territoryCode = read(fields.territory, territoryColumn) as string | null;
    const date = read(fields.date, dateColumn) as string | null;
    const values: { kind: MeasureKind; value: number; column: Column }[] = [];
    if (kindColumn && valueColumn) {
      const code = read(kindField, kindColumn) as string | null;
      const value = read(fields.value, valueColumn) as number | null;
      if (failed) return [];
      if (value === null) {
        issues.warning('emptyValue', line, { column: valueColumn.name });
        return [];
      }
      values.push({ kind: kinds.get(String(code).toLowerCase()) as MeasureKind, value, column: kindColumn });
    } else {
      for (const wide of wideColumns) {
        const value = read(fields.value, wide.column) as number | null;
        if (value !== null) values.push({ kind: wide.kind, value, column: wide.column });
      }
      if (failed) return [];
      if (values.length === 0) {
        issues.warning('noValue', line, { params: { columns: wideColumns.map((w) => w.column.name).join(', ') } });
        return [];
      }
    }
    if (!indicatorId || !territoryCode || !date) return [];
    const measures: StagedMeasure[] = [];
    for (const entry of values) {
      const check = checkReferential(index, indicatorId, territoryCode, entry.kind);
      if (!check.ok) {
        const col = check.column === 'indicator' ? indicatorColumn : check.column === 'territory' ? territoryColumn : entry.column;
        const value = check.column === 'indicator' ? indicatorId : check.column === 'territory' ? territoryCode : entry.kind;
        issues.error(check.code, line, { column: col.name, value, params: { indicator: indicatorId, territory: territoryCode, ...check.params } });
        // Unknown indicator or territory: one message per row is enough.
        if (check.column !== 'kind') return [];
        continue;
      }
      measures.push({ line, indicatorId, territoryCode, date, kind: entry.kind, value: entry.value });
    }
    return measures;
  };
}

/** Cells beyond the header's that hold something (trailing empty cells are tolerated). */
function hasExtraCells(cells: readonly string[], width: number): boolean {
  for (let i = width; i < cells.length; i += 1) if (cells[i].trim() !== '') return true;
  return false;
}
