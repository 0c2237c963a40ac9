import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type ImportIssue, runImport } from '@pilote/import';
import { createSourceContext, findSource, isSourceError, type LoadedModules, type SourceLimits } from '@pilote/module-sdk/server';
import type { DataSource } from 'typeorm';
import { BindingError, type BindingInput, checkBinding } from './binding';
import { spoolRecords } from './spool-records';

export interface DraftPreview {
  /** The record keys the mapping reads, in the order of `sample`'s cells. */
  columns: string[];
  /** The first records as the import reads them. */
  sample: string[][];
  rowsRead: number;
  valuesAccepted: number;
  valuesRefused: number;
  /** Values that would be written (new or different from what is published). */
  wouldWrite: number;
  /** Values equal to what is published: not written again. */
  unchanged: number;
  ratesChanged: number;
  issues: ImportIssue[];
  error?: { code: string; message: string };
}

export interface DraftPreviewOptions {
  levelOrder: string[];
  asOf: string;
  sample?: number;
  env?: NodeJS.ProcessEnv;
  limits?: Partial<SourceLimits>;
}

/**
 * A binding not saved yet, tried: checked like `saveBinding` (a `BindingError` lists every problem
 * with its path), its source read, and its values checked by the import in a dry run. Nothing is
 * written, not even a run row (the binding does not exist yet).
 */
export async function previewDraft(dataSource: DataSource, modules: Pick<LoadedModules, 'modules'>, input: BindingInput, options: DraftPreviewOptions): Promise<DraftPreview> {
  const { binding, problems } = checkBinding(modules, input);
  if (problems.length > 0) throw new BindingError(`Binding "${String((input as { id?: unknown }).id)}": ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`, problems);
  const offered = findSource(modules, binding.source)!;
  const settings = offered.source.settingsSchema.parse(binding.settings);
  const preview: DraftPreview = { columns: [], sample: [], rowsRead: 0, valuesAccepted: 0, valuesRefused: 0, wouldWrite: 0, unchanged: 0, ratesChanged: 0, issues: [] };
  const folder = await mkdtemp(path.join(os.tmpdir(), 'pilote-preview-'));
  try {
    const file = path.join(folder, `${binding.id}.csv`);
    const spooled = await spoolRecords(offered.source.records(settings, createSourceContext({ env: options.env, limits: options.limits })), binding.mapping, file, { sample: options.sample ?? 10 });
    Object.assign(preview, { columns: spooled.columns, sample: spooled.sample, rowsRead: spooled.records });
    const imported = await runImport(dataSource, {
      file, fileName: `binding:${binding.id}`, mapping: binding.mapping, dryRun: true, authorId: null,
      levelOrder: options.levelOrder, asOf: options.asOf, provenance: 'connector',
    });
    preview.valuesAccepted = imported.counts.values;
    preview.valuesRefused = imported.counts.errors;
    preview.wouldWrite = imported.counts.wouldWrite;
    preview.unchanged = imported.counts.unchanged;
    preview.ratesChanged = (imported.preview?.indicators.changed ?? 0) + (imported.preview?.policies.changed ?? 0);
    preview.issues = imported.errors.slice(0, 50);
  } catch (error) {
    if (!isSourceError(error)) throw error;
    preview.error = { code: error.sourceCode, message: error.message };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
  return preview;
}
