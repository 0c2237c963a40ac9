import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type ImportIssue, type ImportReport, runImport } from '@pilote/import';
import { createSourceContext, findSource, isSourceError, type LoadedModules, type SourceLimits } from '@pilote/module-sdk/server';
import type { DataSource } from 'typeorm';
import { loadBinding } from './binding';
import { MAX_PROPOSED_VALUES, type ProposedValue, readSpooledValues } from './proposed-values';
import { spoolRecords } from './spool-records';

export type SyncTrigger = 'schedule' | 'manual' | 'cli';
export type SyncStatus = 'published' | 'proposed' | 'unchanged' | 'dry-run' | 'invalid' | 'failed';

export interface SyncRequest {
  bindingId: string;
  dryRun: boolean;
  trigger: SyncTrigger;
  levelOrder: string[];
  asOf: string;
  /** Attempt of the job (1 = first). */
  attempt?: number;
  env?: NodeJS.ProcessEnv;
  limits?: Partial<SourceLimits>;
  signal?: AbortSignal;
  /**
   * For an untrusted binding: where its checked values go for validation (the job queue hands them to
   * libs/workflow). Without it (the CLI, a preview) an untrusted run only previews.
   */
  propose?: (values: ProposedValue[], run: { runId: string; bindingId: string }) => Promise<void>;
}

export interface SyncReport {
  runId: string;
  bindingId: string;
  status: SyncStatus;
  dryRun: boolean;
  rowsRead: number;
  valuesAccepted: number;
  valuesRefused: number;
  valuesChanged: number;
  ratesChanged: number;
  /** Set when the source itself failed (unreachable, 401, malformed…): nothing was written. */
  error?: { code: string; message: string; retryable: boolean; retryAfterSeconds?: number };
  /** The import's report (errors with line and column of the spooled records, preview of rates). */
  import?: ImportReport;
  durationMs: number;
  /** Time spent reading the source into the spool file (the rest is the import). */
  sourceMs: number;
}

export class SyncSetupError extends Error {}

const LISTED_ISSUES = 50;

/**
 * One run of a source binding: read the source through its connector into a spooled file (no
 * transaction open while the network answers), then land it through the import's own path —
 * the same checks, one transaction, the preview of rates, values written with provenance
 * `connector` in an import batch named after the binding. A failing source or a refused value
 * writes nothing; the run and its report are kept in `sync_run` either way.
 */
export async function runSync(dataSource: DataSource, modules: Pick<LoadedModules, 'modules'>, request: SyncRequest): Promise<SyncReport> {
  const started = Date.now();
  const binding = await loadBinding(dataSource.manager, request.bindingId);
  if (!binding) throw new SyncSetupError(`No source binding "${request.bindingId}" (see \`pilote sync --list\`).`);
  // Archived (it ran, then was deleted): kept for its history and provenance, never run again.
  if (binding.archivedAt) throw new SyncSetupError(`The source binding "${binding.id}" was archived on ${binding.archivedAt.slice(0, 10)}: it is kept for its history and does not run (see \`pilote sync --list\`).`);
  const offered = findSource(modules, binding.source);
  const runId = randomUUID();
  // An untrusted source never publishes on its own: its values become proposals for validation (or a preview without a proposer).
  const dryRun = request.dryRun || !binding.trusted;
  const proposing = !request.dryRun && !binding.trusted && Boolean(request.propose);
  await dataSource.query(`INSERT INTO sync_run (id, binding_id, trigger, dry_run, status, attempt) VALUES ($1, $2, $3, $4, 'running', $5)`, [runId, binding.id, request.trigger, dryRun, request.attempt ?? 1]);
  const report: SyncReport = { runId, bindingId: binding.id, status: 'failed', dryRun, rowsRead: 0, valuesAccepted: 0, valuesRefused: 0, valuesChanged: 0, ratesChanged: 0, durationMs: 0, sourceMs: 0 };
  const folder = await mkdtemp(path.join(os.tmpdir(), 'pilote-sync-'));
  let sha256: string | null = null;
  try {
    if (!offered) throw Object.assign(new Error(`No enabled module offers the source "${binding.source}"`), { syncCode: 'SOURCE_MISSING' });
    const settings = offered.source.settingsSchema.safeParse(binding.settings);
    if (!settings.success) {
      throw Object.assign(new Error(`Settings of "${binding.source}": ${settings.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`), { syncCode: 'SOURCE_SETTINGS' });
    }
    const file = path.join(folder, `${binding.id}.csv`);
    const context = createSourceContext({ env: request.env, limits: request.limits, signal: request.signal });
    const readStarted = Date.now();
    const spooled = await spoolRecords(offered.source.records(settings.data, context), binding.mapping, file);
    report.sourceMs = Date.now() - readStarted;
    sha256 = spooled.sha256;
    const imported = await runImport(dataSource, {
      file, fileName: `binding:${binding.id}`, mapping: binding.mapping, dryRun, authorId: null,
      levelOrder: request.levelOrder, asOf: request.asOf, provenance: 'connector',
    });
    report.import = imported;
    report.rowsRead = spooled.records;
    report.valuesAccepted = imported.counts.values;
    report.valuesRefused = imported.counts.errors;
    report.valuesChanged = dryRun ? imported.counts.wouldWrite : imported.counts.written;
    report.ratesChanged = (imported.preview?.indicators.changed ?? 0) + (imported.preview?.policies.changed ?? 0);
    report.status = imported.status;
    if (proposing && imported.status === 'dry-run') {
      if (imported.counts.wouldWrite === 0) report.status = 'unchanged';
      else if (imported.counts.values > MAX_PROPOSED_VALUES) {
        throw Object.assign(new Error(`${imported.counts.values} values; at most ${MAX_PROPOSED_VALUES} can be proposed for validation from one run: trust the binding, or narrow its source`), { syncCode: 'SYNC_TOO_MANY_PROPOSALS' });
      } else {
        await request.propose?.(await readSpooledValues(dataSource.manager, file, binding.mapping), { runId, bindingId: binding.id });
        report.status = 'proposed';
      }
    }
  } catch (error) {
    const code = isSourceError(error) ? error.sourceCode : (error as { syncCode?: string }).syncCode;
    if (!code) {
      await finishRun(dataSource, report, started, sha256, [], { code: 'INTERNAL', message: (error as Error).message });
      throw error;
    }
    report.status = 'failed';
    report.error = {
      code, message: (error as Error).message,
      retryable: isSourceError(error) ? error.retryable : false,
      ...(isSourceError(error) && error.details.retryAfterSeconds !== undefined ? { retryAfterSeconds: error.details.retryAfterSeconds } : {}),
    };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
  await finishRun(dataSource, report, started, sha256, report.import?.errors.slice(0, LISTED_ISSUES) ?? [], report.error);
  return report;
}

async function finishRun(dataSource: DataSource, report: SyncReport, started: number, sha256: string | null, issues: ImportIssue[], error?: { code: string; message: string }): Promise<void> {
  report.durationMs = Date.now() - started;
  await dataSource.query(
    `UPDATE sync_run SET status = $2, rows_read = $3, values_accepted = $4, values_refused = $5, values_changed = $6, rates_changed = $7,
       source_sha256 = $8, batch_id = $9, error_code = $10, error_message = $11, issues = $12, finished_at = clock_timestamp(), duration_ms = $13
     WHERE id = $1`,
    [report.runId, report.status, report.rowsRead, report.valuesAccepted, report.valuesRefused, report.valuesChanged, report.ratesChanged,
      sha256, report.import?.batchId ?? null, error?.code ?? null, error?.message ?? null, JSON.stringify(issues), report.durationMs],
  );
}

export interface SyncRunRow {
  id: string;
  bindingId: string;
  trigger: SyncTrigger;
  dryRun: boolean;
  status: string;
  attempt: number;
  rowsRead: number;
  valuesAccepted: number;
  valuesRefused: number;
  valuesChanged: number;
  ratesChanged: number;
  batchId: string | null;
  errorCode: string | null;
  errorMessage: string | null;
  issues: ImportIssue[];
  startedAt: string;
  durationMs: number | null;
}

/** The latest runs of a binding (or of all), newest first. */
export async function listRuns(dataSource: DataSource, bindingId: string | null, limit = 20): Promise<SyncRunRow[]> {
  return (await dataSource.query(
    `SELECT id, binding_id AS "bindingId", trigger, dry_run AS "dryRun", status, attempt, rows_read AS "rowsRead", values_accepted AS "valuesAccepted",
            values_refused AS "valuesRefused", values_changed AS "valuesChanged", rates_changed AS "ratesChanged", batch_id AS "batchId",
            error_code AS "errorCode", error_message AS "errorMessage", issues, to_char(started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "startedAt", duration_ms AS "durationMs"
     FROM sync_run WHERE $1::text IS NULL OR binding_id = $1 ORDER BY started_at DESC LIMIT $2`,
    [bindingId, limit],
  )) as SyncRunRow[];
}
