import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { computationLevelOrder, loadReferential } from '@pilote/core';
import { createTestContext } from '@pilote/core/testing';
import type { DataSource } from 'typeorm';
import type { ColumnMapping } from '../src/mapping/column-mapping';
import type { ImportReport } from '../src/publishing/import-report.types';
import { runImport } from '../src/publishing/run-import';

export const FIXTURES = path.join(__dirname, 'fixtures');
export const AS_OF = '2024-06-30';

export type ImportTestContext = Awaited<ReturnType<typeof createTestContext>>;

/** A fresh database with the given referential folder loaded. */
export async function contextWithReferential(folder = path.join(FIXTURES, 'referential')): Promise<ImportTestContext> {
  const context = await createTestContext();
  const levels = context.instance.config.territoryLevels.map((level) => level.id);
  const loaded = await loadReferential(context.dataSource, folder, { levels });
  if (!loaded.ok) throw new Error(`test referential: ${JSON.stringify(loaded.problems)}`);
  return context;
}

const tmp = mkdtempSync(path.join(os.tmpdir(), 'pilote-import-test-'));
let counter = 0;
// Registered in each test file that imports this module: its files (up to 50 MB) go with it.
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Writes a test file (text is UTF-8 unless given as bytes) and returns its path. */
export function tempFile(content: string | Buffer, name = `file-${(counter += 1)}.csv`): string {
  const file = path.join(tmp, name);
  writeFileSync(file, content);
  return file;
}

export function importFile(context: ImportTestContext, file: string, options: { dryRun?: boolean; mapping?: ColumnMapping; authorId?: string } = {}): Promise<ImportReport> {
  return runImport(context.dataSource, {
    file,
    dryRun: options.dryRun ?? false,
    mapping: options.mapping,
    authorId: options.authorId ?? 'test-user',
    levelOrder: computationLevelOrder(context.instance.config),
    asOf: AS_OF,
  });
}

const TABLES = ['measure', 'derived_measure', 'indicator_state', 'policy_state', 'import_batch', 'indicator', 'policy'];

/** Row count and content hash of every table an import may touch: equal fingerprints = same data. */
export async function fingerprint(dataSource: DataSource, tables = TABLES): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const table of tables) {
    const [row] = (await dataSource.query(`SELECT count(*)::int AS n, coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '-') AS h FROM ${table} t`)) as { n: number; h: string }[];
    result[table] = `${row.n}:${row.h}`;
  }
  return result;
}

/** Published values as the rates see them: latest row per indicator × territory × kind × date. */
export async function currentValues(dataSource: DataSource): Promise<string[]> {
  const rows = (await dataSource.query(
    `SELECT DISTINCT ON (indicator_id, territory_code, kind, date) indicator_id, territory_code, kind, to_char(date, 'YYYY-MM-DD') AS date, value
     FROM measure WHERE state = 'published' ORDER BY indicator_id, territory_code, kind, date, id DESC`,
  )) as { indicator_id: string; territory_code: string; kind: string; date: string; value: number }[];
  return rows.map((r) => `${r.indicator_id}|${r.territory_code}|${r.kind}|${r.date}|${Number(r.value)}`);
}

export async function rates(dataSource: DataSource): Promise<Record<string, [number | null, number | null]>> {
  const rows = (await dataSource.query(
    `SELECT 'I:' || indicator_id || '@' || territory_code AS key, annual_rate, global_rate FROM indicator_state
     UNION ALL SELECT 'P:' || policy_id || '@' || territory_code, annual_rate, global_rate FROM policy_state`,
  )) as { key: string; annual_rate: number | null; global_rate: number | null }[];
  return Object.fromEntries(rows.map((r) => [r.key, [r.annual_rate === null ? null : Number(r.annual_rate), r.global_rate === null ? null : Number(r.global_rate)]]));
}

/** A valid PILOTE-format file on IND-A in a few départements of Bretagne (R53). */
export const VALID_CSV = [
  'identifiant_indic;zone_id;zone_nom;date_valeur;type_valeur;valeur',
  'IND-A;D29;Finistère;31/12/2022;vi;10',
  'IND-A;D29;Finistère;31/12/2023;va;15,5',
  'IND-A;D29;Finistère;31/12/2025;vc;30',
  'IND-A;D35;Ille-et-Vilaine;2022-12-31;vi;20',
  'IND-A;D35;Ille-et-Vilaine;2023-12-31;va;22',
  'IND-A;D35;Ille-et-Vilaine;2025-12-31;vc;40',
  'IND-A;R53;Bretagne;31/12/22;vi;30',
  'IND-A;R53;Bretagne;31/12/23;va;40',
  'IND-A;R53;Bretagne;31/12/25;vc;70',
  'IND-A;FRANCE;France;31/12/2025;vc;1000',
].join('\r\n');
