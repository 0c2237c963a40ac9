import { randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import path from 'node:path';
import { type MeasureProvenance, refreshAfterWrite } from '@pilote/core';
import type { DataSource, EntityManager } from 'typeorm';
import { detectMapping } from '../mapping/builtin-mappings';
import { PILOTE_COLUMNS } from '../schema/pilote-schema';
import type { ColumnMapping } from '../mapping/column-mapping';
import { createRowMapper, type StagedMeasure } from '../mapping/row-mapper';
import { readTable } from '../reading/read-table';
import { TableReadError } from '../reading/table-read-error';
import type { TableSource } from '../reading/table.types';
import { IssueCollector } from '../report/import-issue';
import { loadReferentialIndex } from '../validation/referential-index';
import { readRateChanges, snapshotRatesBefore } from './effect-preview';
import { hashFile } from './file-hash';
import { findPreviousImport, recordBatch } from './import-batch';
import type { ImportProgress, ImportReport } from './import-report.types';
import { appendNewMeasures, createStagingTable, openStagingWriter, reportDuplicates, STAGING_CHUNK } from './staging-table';

export interface ImportRequest {
  /** Path of the file on disk (the API spools uploads to a temporary file first). */
  file: string;
  /** Name shown in reports and recorded in the batch (defaults to the file's base name). */
  fileName?: string;
  /** Column mapping; by default the built-in one whose columns the header has. */
  mapping?: ColumnMapping;
  dryRun: boolean;
  /** Who publishes (user id from the API's authentication, or the CLI's operator). */
  authorId?: string | null;
  /** From the instance: `computationLevelOrder(config)` and `currentAsOf()`. */
  levelOrder: string[];
  asOf: string;
  /** Territories the author's rights cover (with everything below); null or absent = all (CLI operator). */
  territoryRoots?: string[] | null;
  onProgress?: (progress: ImportProgress) => void;
  /** What the written measures say they came from (default `import`; source bindings write `connector`). */
  provenance?: MeasureProvenance;
}

/** Thrown inside the transaction to roll it back while keeping the report. */
class Rollback extends Error {}

// One import at a time per database: the "already imported" checks stay true until commit.
const IMPORT_LOCK = 7_264_501;
const IMPORT_WORK_MEM = '32MB';

/**
 * Reads, checks and (unless dry run) publishes a file in ONE transaction: stream rows → check
 * each against the Table Schema and the referential → stage valid values in chunks → report
 * duplicates → append new values → refresh every dependent rate (the same refresh as
 * `writeMeasures`) → read the rates before/after. A dry run, or any error, rolls everything
 * back: the database is exactly as before. Never holds more than one chunk of rows in memory.
 */
export async function runImport(dataSource: DataSource, request: ImportRequest): Promise<ImportReport> {
  const started = Date.now();
  const bytes = statSync(request.file).size;
  const issues = new IssueCollector();
  const report: ImportReport = {
    status: 'invalid',
    dryRun: request.dryRun,
    file: { name: request.fileName ?? path.basename(request.file), bytes, sha256: await hashFile(request.file) },
    counts: { rows: 0, blankRows: 0, values: 0, written: 0, wouldWrite: 0, older: 0, unchanged: 0, errors: 0, warnings: 0 },
    errors: issues.errors,
    warnings: issues.warnings,
    timings: { readMs: 0, writeMs: 0, refreshMs: 0, totalMs: 0 },
  };
  const finish = () => {
    report.counts.errors = issues.errorCount;
    report.counts.warnings = issues.warningCount;
    report.timings.totalMs = Date.now() - started;
    return report;
  };
  const progress = (phase: ImportProgress['phase'], bytesRead: number) =>
    request.onProgress?.({ phase, rows: report.counts.rows, bytesRead, totalBytes: bytes, percent: bytes === 0 ? 100 : Math.min(100, (100 * bytesRead) / bytes) });

  let table: TableSource;
  let bytesRead = 0;
  try {
    table = await readTable(request.file, (p) => (bytesRead = p.bytesRead));
  } catch (error) {
    if (!(error instanceof TableReadError)) throw error;
    issues.error(error.code, error.line, { params: error.params });
    return finish();
  }
  Object.assign(report.file, { format: table.info.format, separator: table.info.separator, sheet: table.info.sheet });
  const mapping = request.mapping ?? detectMapping(table.info.header);
  if (!mapping) {
    issues.error('unknownLayout', table.info.headerLine, { value: table.info.header.join(' | '), params: { expected: PILOTE_COLUMNS.join(';') } });
    return finish();
  }
  report.mapping = mapping.id;

  try {
    await dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock($1)`, [IMPORT_LOCK]);
      // The set checks, the append and the series reads sort or hash up to a whole file: let them
      // do it in memory rather than in temporary files (this transaction only).
      await manager.query(`SET LOCAL work_mem = '${IMPORT_WORK_MEM}'`);
      const mapRow = createRowMapper(mapping, table.info.header, await loadReferentialIndex(manager, request.territoryRoots ?? null), issues);
      if ('missing' in mapRow) {
        issues.error('missingColumns', table.info.headerLine, { value: table.info.header.join(' | '), params: { missing: mapRow.missing.join(', '), mapping: mapping.id } });
        throw new Rollback();
      }
      await createStagingTable(manager);
      await streamRows(manager, table, mapRow, report, () => progress('reading', bytesRead));
      Object.assign(report.file, { encoding: table.info.encoding, bom: table.info.bom });
      await reportDuplicates(manager, issues);
      report.timings.readMs = Date.now() - started;
      if (issues.errorCount > 0) throw new Rollback();

      const previous = await findPreviousImport(manager, report.file.sha256);
      if (previous) {
        report.previousImport = previous;
        issues.warning('alreadyImported', 0, { params: { batch: previous.batchId, at: previous.at } });
      }
      progress('writing', bytes);
      const writeStarted = Date.now();
      await snapshotRatesBefore(manager);
      const batchId = randomUUID();
      const { written, older, series } = await appendNewMeasures(manager, batchId, request.authorId ?? null, request.provenance ?? 'import');
      report.counts.older = older;
      report.counts.unchanged = report.counts.values - written;
      report.timings.writeMs = Date.now() - writeStarted;
      progress('computing', bytes);
      const refreshStarted = Date.now();
      if (written > 0) await refreshAfterWrite(manager, series, { levelOrder: request.levelOrder, asOf: request.asOf });
      report.preview = await readRateChanges(manager, request.levelOrder);
      report.timings.refreshMs = Date.now() - refreshStarted;
      if (request.dryRun) {
        report.counts.wouldWrite = written;
        report.status = 'dry-run';
        throw new Rollback();
      }
      report.counts.written = written;
      report.status = written > 0 ? 'published' : 'unchanged';
      report.batchId = batchId;
      await recordBatch(manager, { id: batchId, report, authorId: request.authorId ?? null, startedAt: new Date(started) });
    });
  } catch (error) {
    if (!(error instanceof Rollback)) {
      if (error instanceof TableReadError) issues.error(error.code, error.line, { params: error.params });
      else throw error;
    }
  }
  if (issues.errorCount > 0) {
    report.status = 'invalid';
    report.preview = undefined;
  }
  return finish();
}

async function streamRows(
  manager: EntityManager,
  table: TableSource,
  mapRow: (row: { line: number; cells: string[] }) => StagedMeasure[],
  report: ImportReport,
  onProgress: () => void,
): Promise<void> {
  const staging = await openStagingWriter(manager);
  try {
    let chunk: StagedMeasure[] = [];
    for await (const row of table.rows) {
      report.counts.rows += 1;
      if (isBlank(row.cells)) {
        report.counts.blankRows += 1;
        continue;
      }
      const measures = mapRow(row);
      report.counts.values += measures.length;
      for (const measure of measures) chunk.push(measure);
      if (chunk.length >= STAGING_CHUNK) {
        await staging.write(chunk);
        chunk = [];
        onProgress();
      }
    }
    await staging.write(chunk);
  } catch (error) {
    await staging.abort(error as Error);
    throw error;
  }
  await staging.close();
  onProgress();
}

function isBlank(cells: string[]): boolean {
  for (const cell of cells) if (cell.trim() !== '') return false;
  return true;
}
