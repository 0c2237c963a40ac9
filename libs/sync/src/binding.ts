import { columnMappingSchema, type ColumnMapping } from '@pilote/import';
import { findSource, type LoadedModules } from '@pilote/module-sdk/server';
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
}

export class BindingError extends Error {
  constructor(
    message: string,
    readonly problems: { path: string; message: string }[],
  ) {
    super(message);
  }
}

/**
 * Checks a binding the way a run will use it: the source exists among the enabled modules, its
 * settings pass the source's own schema, the mapping is an import mapping, the schedule is cron.
 * Every problem at once, each with its path.
 */
export function checkBinding(modules: Pick<LoadedModules, 'modules'>, input: BindingInput): { binding: Omit<SourceBinding, 'nextRunAt'>; problems: { path: string; message: string }[] } {
  const problems: { path: string; message: string }[] = [];
  const parsed = bindingInputSchema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push({ path: issue.path.join('.'), message: issue.message });
    return { binding: input as never, problems };
  }
  const value = parsed.data;
  const offered = findSource(modules, value.source);
  if (!offered) problems.push({ path: 'source', message: `no enabled module offers the source "${value.source}"` });
  else {
    const settings = offered.source.settingsSchema.safeParse(value.settings);
    if (!settings.success) for (const issue of settings.error.issues) problems.push({ path: ['settings', ...issue.path].join('.'), message: issue.message });
  }
  const mapping = columnMappingSchema.safeParse({ id: value.id, ...(value.mapping as object) });
  if (!mapping.success) for (const issue of mapping.error.issues) problems.push({ path: ['mapping', ...issue.path].join('.'), message: issue.message });
  if (value.schedule) {
    try {
      nextCronTime(value.schedule, new Date());
    } catch (error) {
      if (!(error instanceof CronError)) throw error;
      problems.push({ path: 'schedule', message: error.message });
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
}

const toBinding = (row: BindingRow): SourceBinding => ({
  id: row.id, name: row.name, source: row.source_ref, settings: row.settings, mapping: row.mapping, schedule: row.schedule,
  trusted: row.trusted, enabled: row.enabled, ownerIds: row.owner_ids, nextRunAt: row.next_run_at ? new Date(row.next_run_at).toISOString() : null,
});

export async function loadBinding(db: EntityManager, id: string): Promise<SourceBinding | null> {
  const [row] = (await db.query(`SELECT * FROM source_binding WHERE id = $1`, [id])) as BindingRow[];
  return row ? toBinding(row) : null;
}

export async function listBindings(db: EntityManager): Promise<SourceBinding[]> {
  return ((await db.query(`SELECT * FROM source_binding ORDER BY id`)) as BindingRow[]).map(toBinding);
}
