import { columnMappingSchema, type ColumnMapping } from '@pilote/import';
import { findSource, type LoadedModules, zodIssueParams } from '@pilote/module-sdk/server';
import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import { CronError, nextCronTime } from './cron';

/** What an administrator (or the CLI) gives to create or change a binding. */
export const bindingInputSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and dashes (e.g. "logements-dgaln")'),
  name: z.string().min(1),
  /** `<module id>/<source id>`, e.g. `http-connector/json`. */
  source: z.string().regex(/^[a-z][a-z0-9-]*\/[a-z][a-z0-9-]*$/, '"<module>/<source>", e.g. "http-connector/json"'),
  settings: z.record(z.string(), z.unknown()),
  /** The import's column mapping; column names are the records' keys (dot paths allowed). */
  mapping: z.unknown(),
  schedule: z.string().nullable().default(null),
  trusted: z.boolean().default(false),
  enabled: z.boolean().default(true),
  ownerIds: z.array(z.string()).default([]),
});

export type BindingInput = z.input<typeof bindingInputSchema>;

export interface SourceBinding {
  id: string;
  name: string;
  source: string;
  settings: Record<string, unknown>;
  mapping: ColumnMapping;
  schedule: string | null;
  trusted: boolean;
  enabled: boolean;
  ownerIds: string[];
  nextRunAt: string | null;
  /** Set when it was deleted while runs refer to it: kept for the provenance of its values, never run nor listed. */
  archivedAt?: string | null;
}

/**
 * One problem of a binding: `path` in the binding (`settings.url`, `mapping.columns.date`), `code`
 * and `params` for pages to word it in the reader's language (ADR 032), `message` in English for
 * logs and the CLI. Codes: zod's (`invalid_type`, `too_small`, `invalid_format`, `invalid_value`…),
 * `required`, `unknown-source`, `bad-cron`.
 */
export interface BindingProblem {
  path: string;
  message: string;
  code: string;
  params?: Record<string, string | number>;
}

export class BindingError extends Error {
  constructor(
    message: string,
    readonly problems: BindingProblem[],
  ) {
    super(message);
  }
}

interface ZodIssueLike {
  code: string;
  path: PropertyKey[];
  message: string;
}

const valueAt = (root: unknown, path: PropertyKey[]): unknown => path.reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined), root);

/** A zod issue as a binding problem; a missing or empty value is `required` rather than a type error. */
function problemOf(issue: ZodIssueLike, prefix: string[], given: unknown): BindingProblem {
  const path = [...prefix, ...issue.path.map(String)].join('.');
  const value = valueAt(given, issue.path);
  if ((value === undefined || value === '') && (issue.code === 'invalid_type' || issue.code === 'too_small' || issue.code === 'invalid_format' || issue.code === 'custom')) {
    return { path, message: issue.message, code: 'required' };
  }
  return { path, message: issue.message, code: issue.code, params: zodIssueParams(issue) };
}

/**
 * Checks a binding the way a run will use it: the source exists among the enabled modules, its
 * settings pass the source's own schema, the mapping is an import mapping, the schedule is cron.
 * Every problem at once, each with its path.
 */
export function checkBinding(modules: Pick<LoadedModules, 'modules'>, input: BindingInput): { binding: Omit<SourceBinding, 'nextRunAt'>; problems: BindingProblem[] } {
  const problems: BindingProblem[] = [];
  const parsed = bindingInputSchema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(problemOf(issue, [], input));
    return { binding: input as never, problems };
  }
  const value = parsed.data;
  const offered = findSource(modules, value.source);
  if (!offered) problems.push({ path: 'source', message: `no enabled module offers the source "${value.source}"`, code: 'unknown-source', params: { source: value.source } });
  else {
    const settings = offered.source.settingsSchema.safeParse(value.settings);
    if (!settings.success) for (const issue of settings.error.issues) problems.push(problemOf(issue, ['settings'], value.settings));
  }
  const mappingInput = { id: value.id, ...(value.mapping as object) };
  const mapping = columnMappingSchema.safeParse(mappingInput);
  if (!mapping.success) for (const issue of mapping.error.issues) problems.push(problemOf(issue, ['mapping'], mappingInput));
  if (value.schedule) {
    try {
      nextCronTime(value.schedule, new Date());
    } catch (error) {
      if (!(error instanceof CronError)) throw error;
      problems.push({ path: 'schedule', message: error.message, code: 'bad-cron', params: { cron: value.schedule } });
    }
  }
  return {
    binding: { id: value.id, name: value.name, source: value.source, settings: value.settings, mapping: mapping.success ? mapping.data : (value.mapping as ColumnMapping), schedule: value.schedule, trusted: value.trusted, enabled: value.enabled, ownerIds: value.ownerIds },
    problems,
  };
}

/** Creates or replaces a binding after `checkBinding`; throws `BindingError` listing every problem. */
export async function saveBinding(db: EntityManager, modules: Pick<LoadedModules, 'modules'>, input: BindingInput, now = new Date()): Promise<SourceBinding> {
  const { binding, problems } = checkBinding(modules, input);
  if (problems.length > 0) throw new BindingError(`Binding "${String((input as { id?: unknown }).id)}": ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`, problems);
  const nextRunAt = binding.schedule && binding.enabled ? nextCronTime(binding.schedule, now).toISOString() : null;
  await db.query(
    `INSERT INTO source_binding (id, name, source_ref, settings, mapping, schedule, trusted, enabled, owner_ids, next_run_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT (id) DO UPDATE SET name = $2, source_ref = $3, settings = $4, mapping = $5, schedule = $6, trusted = $7, enabled = $8, owner_ids = $9, next_run_at = $10, updated_at = now()`,
    [binding.id, binding.name, binding.source, JSON.stringify(binding.settings), JSON.stringify(binding.mapping), binding.schedule, binding.trusted, binding.enabled, binding.ownerIds, nextRunAt],
  );
  return { ...binding, nextRunAt };
}

interface BindingRow {
  id: string;
  name: string;
  source_ref: string;
  settings: Record<string, unknown>;
  mapping: ColumnMapping;
  schedule: string | null;
  trusted: boolean;
  enabled: boolean;
  owner_ids: string[];
  next_run_at: Date | null;
  archived_at?: Date | null;
}

const toBinding = (row: BindingRow): SourceBinding => ({
  id: row.id, name: row.name, source: row.source_ref, settings: row.settings, mapping: row.mapping, schedule: row.schedule,
  trusted: row.trusted, enabled: row.enabled, ownerIds: row.owner_ids, nextRunAt: row.next_run_at ? new Date(row.next_run_at).toISOString() : null,
  archivedAt: row.archived_at ? new Date(row.archived_at).toISOString() : null,
});

export async function loadBinding(db: EntityManager, id: string): Promise<SourceBinding | null> {
  const [row] = (await db.query(`SELECT * FROM source_binding WHERE id = $1`, [id])) as BindingRow[];
  return row ? toBinding(row) : null;
}

/** The bindings in use (archived ones are left out). */
export async function listBindings(db: EntityManager): Promise<SourceBinding[]> {
  return ((await db.query(`SELECT * FROM source_binding WHERE archived_at IS NULL ORDER BY id`)) as BindingRow[]).map(toBinding);
}

export interface BindingRemoval {
  /** `deleted`: no run referred to it, it is gone; `archived`: runs (and maybe values) refer to it, it is kept out of sight. */
  outcome: 'deleted' | 'archived';
  /** Why it was archived: `has-runs` (its run history) or `values-published` (values published by its runs name it as their source). */
  reason: 'has-runs' | 'values-published' | null;
  runs: number;
  values: number;
}

/**
 * Deletes a binding, or archives it when runs refer to it: the run history and the provenance of
 * the values it published (`measure.batch_id` → `sync_run` → binding) must survive. An archived
 * binding is disabled, unscheduled and no longer listed; its id stays taken.
 */
export async function removeBinding(db: EntityManager, id: string): Promise<BindingRemoval> {
  const [counts] = (await db.query(
    `SELECT (SELECT count(*)::int FROM sync_run WHERE binding_id = $1) AS runs,
            (SELECT count(*)::int FROM measure m JOIN sync_run r ON r.batch_id = m.batch_id WHERE r.binding_id = $1) AS values`,
    [id],
  )) as { runs: number; values: number }[];
  if (counts.runs === 0) {
    await db.query(`DELETE FROM source_binding WHERE id = $1`, [id]);
    return { outcome: 'deleted', reason: null, runs: 0, values: 0 };
  }
  await db.query(`UPDATE source_binding SET archived_at = now(), enabled = false, next_run_at = NULL, updated_at = now() WHERE id = $1`, [id]);
  return { outcome: 'archived', reason: counts.values > 0 ? 'values-published' : 'has-runs', runs: counts.runs, values: counts.values };
}
