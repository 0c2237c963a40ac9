import { Inject } from '@nestjs/common';
import { Args, Context, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { actorFromContext, audit, Can, computationLevelOrder, currentAsOf, KIT_CONTEXT, type KitContext, LIGHT_QUERY_COST } from '@pilote/core';
import { describeSettingsForm, findSource, listSources, type LoadedModules } from '@pilote/module-sdk/server';
import { BindingError, listBindings, loadBinding, removeBinding, saveBinding, type SourceBinding } from '../binding';
import { previewDraft } from '../preview-draft';
import { bindingFromForm, type FieldProblem, fieldOf } from './binding-form';
import { AvailableSourceType, SourceBindingDraftPreviewType, SourceBindingInputType, SourceBindingRemovalType } from './sync-input.types';
import { listRuns, runSync, type SyncRunRow } from '../run-sync';
import { queueRunNow } from '../sync-jobs';
import { SyncInputError } from './sync-error';
import { SourceBindingType, SyncRunType } from './sync.types';

export const SYNC_MODULES = Symbol('SYNC_MODULES');

const toIssue = (issue: SyncRunRow['issues'][number]) => ({ code: issue.code, line: issue.line, column: issue.column ?? null, value: issue.value ?? null, params: JSON.stringify(issue.params ?? {}) });

function refuse(problems: FieldProblem[]): never {
  throw new SyncInputError(`The binding has ${problems.length} problem(s): ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`, 'BAD_USER_INPUT', problems[0]?.field, problems);
}

function bindingProblems(error: BindingError): FieldProblem[] {
  return error.problems.map((problem) => ({ field: fieldOf(problem.path), path: problem.path || 'mapping', message: problem.message, code: problem.code, ...(problem.params ? { params: problem.params } : {}) }));
}

const notFound = (id: string): never => {
  throw new SyncInputError(`No source binding "${id}".`, 'NOT_FOUND', 'id', [{ field: 'id', path: 'id', message: `no source binding "${id}"`, code: 'not-found', params: { id } }]);
};

type Req = { identity?: { kind?: string; userId?: string | null } };

/** What the audit trail keeps of a binding (settings hold secret names, never values). */
const audited = (binding: Pick<SourceBinding, 'name' | 'source' | 'settings' | 'mapping' | 'schedule' | 'trusted' | 'enabled'>) => ({
  name: binding.name, source: binding.source, settings: binding.settings, mapping: binding.mapping, schedule: binding.schedule, trusted: binding.trusted, enabled: binding.enabled,
});

const column = (binding: SourceBinding, key: 'indicator' | 'territory' | 'date' | 'kind' | 'value') => (binding.mapping.columns as Partial<Record<string, string>> | undefined)?.[key] ?? '';

function toBindingType(binding: SourceBinding, sourceAvailable: boolean, lastRun: SyncRunType | null): SourceBindingType {
  return {
    id: binding.id, name: binding.name, source: binding.source, schedule: binding.schedule, trusted: binding.trusted, enabled: binding.enabled, nextRunAt: binding.nextRunAt,
    settings: JSON.stringify(binding.settings), indicatorColumn: column(binding, 'indicator'), territoryColumn: column(binding, 'territory'), dateColumn: column(binding, 'date'),
    kindColumn: column(binding, 'kind'), valueColumn: column(binding, 'value'), kindCodes: binding.mapping.kinds ? JSON.stringify(binding.mapping.kinds) : null,
    sourceAvailable, lastRun,
  };
}

const FIELD_TYPES = new Set(['string', 'number', 'integer', 'boolean', 'enum', 'string-list', 'enum-list']);

const toRun = (row: SyncRunRow): SyncRunType => ({
  ...row,
  issues: row.issues.map(toIssue),
});

/** Source bindings for administrators: `read SourceBinding` to list and see runs, `update SourceBinding` to run or preview (an API token may do that: a scheduler outside the kit can call it). */
@Resolver(() => SourceBindingType)
export class SyncResolver {
  constructor(
    @Inject(KIT_CONTEXT) private readonly kit: KitContext,
    @Inject(SYNC_MODULES) private readonly modules: Pick<LoadedModules, 'modules'>,
  ) {}

  @Query(() => [SourceBindingType], { complexity: LIGHT_QUERY_COST, description: 'Source bindings with their last run.' })
  @Can('read', 'SourceBinding')
  async sourceBindings(): Promise<SourceBindingType[]> {
    const bindings = await listBindings(this.kit.dataSource.manager);
    return Promise.all(
      bindings.map(async (binding) => {
        const [last] = await listRuns(this.kit.dataSource, binding.id, 1);
        return toBindingType(binding, Boolean(findSource(this.modules, binding.source)), last ? toRun(last) : null);
      }),
    );
  }

  @Query(() => [SyncRunType], { complexity: LIGHT_QUERY_COST, description: 'Runs of a binding, newest first.' })
  @Can('read', 'SourceBinding')
  async syncRuns(@Args('bindingId', { type: () => ID }) bindingId: string, @Args('limit', { type: () => Int, nullable: true }) limit: number | null): Promise<SyncRunType[]> {
    return (await listRuns(this.kit.dataSource, bindingId, Math.min(Math.max(limit ?? 20, 1), 100))).map(toRun);
  }

  @Mutation(() => Boolean, { description: 'Queues a run of the binding now (the job queue runs it, retries a failing source, keeps its report).' })
  @Can('update', 'SourceBinding')
  async runSourceBindingNow(@Args('bindingId', { type: () => ID }) bindingId: string): Promise<boolean> {
    if (!(await this.live(bindingId))) throw new SyncInputError(`No source binding "${bindingId}".`, 'NOT_FOUND', 'bindingId');
    await queueRunNow(this.kit, this.kit.dataSource, bindingId);
    return true;
  }

  @Mutation(() => SyncRunType, { description: 'Reads the source and checks it like a run, then rolls back: what would change, nothing written.' })
  @Can('update', 'SourceBinding')
  async previewSourceBinding(@Args('bindingId', { type: () => ID }) bindingId: string): Promise<SyncRunType> {
    if (!(await this.live(bindingId))) throw new SyncInputError(`No source binding "${bindingId}".`, 'NOT_FOUND', 'bindingId');
    const report = await runSync(this.kit.dataSource, this.modules, { bindingId, dryRun: true, trigger: 'manual', levelOrder: computationLevelOrder(this.kit.instance.config), asOf: currentAsOf() });
    const [run] = (await listRuns(this.kit.dataSource, bindingId, 5)).filter((row) => row.id === report.runId);
    return toRun(run);
  }

  @Query(() => [AvailableSourceType], { complexity: LIGHT_QUERY_COST, description: 'The source connectors the enabled modules offer (what a binding may name).' })
  @Can('read', 'SourceBinding')
  availableSources(): AvailableSourceType[] {
    return listSources(this.modules).map((offered) => {
      // The same description of a zod schema as the modules' settings page (ADR 033 amendment): one field per key.
      const { fields } = describeSettingsForm(offered.source.settingsSchema);
      const secrets = new Set(offered.source.secretSettings ?? []);
      const [moduleId, sourceId] = offered.ref.split('/');
      return {
        ref: offered.ref, nameFr: offered.source.displayName.fr, nameEn: offered.source.displayName.en,
        settingsKeys: fields.map((field) => field.key),
        requiredSettings: fields.filter((field) => field.required).map((field) => field.key),
        secretSettings: [...secrets],
        settingsFields: fields.map((field) => ({
          name: field.key, type: FIELD_TYPES.has(field.kind) ? field.kind : 'json', required: field.required, labelKey: `${moduleId}:sources.${sourceId}.settings.${field.key}.label`,
          secret: secrets.has(field.key), options: field.options ?? [], default: field.default === undefined ? null : JSON.stringify(field.default),
          title: field.title ?? null, format: field.format ?? null,
        })),
      };
    });
  }

  @Mutation(() => SourceBindingType, { description: 'Creates a source binding (the caller owns it: parked runs are reported to them). Every problem comes back in extensions.problems with its field.' })
  @Can('update', 'SourceBinding')
  async createSourceBinding(@Args('input') input: SourceBindingInputType, @Context('req') req?: Req): Promise<SourceBindingType> {
    const userId = req?.identity?.userId;
    const { binding, problems } = bindingFromForm(input, userId ? [userId] : []);
    if (problems.length > 0) refuse(problems);
    if (binding.id && (await loadBinding(this.kit.dataSource.manager, binding.id))) {
      refuse([{ field: 'id', path: 'id', message: `a binding "${binding.id}" exists already (or did, and is archived): choose another id`, code: 'id-taken', params: { id: binding.id } }]);
    }
    return this.save(binding, null, req);
  }

  @Mutation(() => SourceBindingType, { description: 'Changes a binding (settings, mapping, schedule, trust, enabled); its owners stay. Every problem comes back in extensions.problems with its field; audited.' })
  @Can('update', 'SourceBinding')
  async updateSourceBinding(@Args('input') input: SourceBindingInputType, @Context('req') req?: Req): Promise<SourceBindingType> {
    const before = await this.live(input.id.trim());
    if (!before) return notFound(input.id);
    const { binding, problems } = bindingFromForm(input, before.ownerIds);
    if (problems.length > 0) refuse(problems);
    return this.save(binding, before, req);
  }

  @Mutation(() => SourceBindingRemovalType, {
    description: 'Deletes a binding; when runs refer to it (its history, the provenance of values it published) it is archived instead: disabled, unlisted, its runs kept. Says which and why; audited.',
  })
  @Can('update', 'SourceBinding')
  async deleteSourceBinding(@Args('id', { type: () => ID }) id: string, @Context('req') req?: Req): Promise<SourceBindingRemovalType> {
    const before = await this.live(id);
    if (!before) return notFound(id);
    const removal = await this.kit.dataSource.transaction(async (manager) => {
      const done = await removeBinding(manager, id);
      await audit(manager, { actor: actorFromContext({ req }), action: `source-binding.${done.outcome}`, subjectType: 'SourceBinding', subjectId: id, old: audited(before), new: done.outcome === 'archived' ? { reason: done.reason, runs: done.runs, values: done.values } : null });
      return done;
    });
    return { id, ...removal };
  }

  /** A binding that exists and is not archived. */
  private async live(id: string): Promise<SourceBinding | null> {
    const binding = await loadBinding(this.kit.dataSource.manager, id);
    return binding && !binding.archivedAt ? binding : null;
  }

  /** Saves a checked binding and its audit line in one transaction. */
  private async save(binding: Parameters<typeof saveBinding>[2], before: SourceBinding | null, req?: Req): Promise<SourceBindingType> {
    try {
      const saved = await this.kit.dataSource.transaction(async (manager) => {
        const result = await saveBinding(manager, this.modules, binding);
        await audit(manager, { actor: actorFromContext({ req }), action: before ? 'source-binding.updated' : 'source-binding.created', subjectType: 'SourceBinding', subjectId: result.id, old: before ? audited(before) : null, new: audited(result) });
        return result;
      });
      const [last] = before ? await listRuns(this.kit.dataSource, saved.id, 1) : [];
      return toBindingType(saved, true, last ? toRun(last) : null);
    } catch (error) {
      if (error instanceof BindingError) refuse(bindingProblems(error));
      throw error;
    }
  }

  @Mutation(() => SourceBindingDraftPreviewType, { description: 'Tries a binding before it is saved: reads the source, shows its first records and what a run would write; nothing is written.' })
  @Can('update', 'SourceBinding')
  async previewSourceBindingDraft(@Args('input') input: SourceBindingInputType): Promise<SourceBindingDraftPreviewType> {
    const { binding, problems } = bindingFromForm(input, []);
    if (problems.length > 0) refuse(problems);
    try {
      const preview = await previewDraft(this.kit.dataSource, this.modules, binding, { levelOrder: computationLevelOrder(this.kit.instance.config), asOf: currentAsOf() });
      return { ...preview, issues: preview.issues.map(toIssue), errorCode: preview.error?.code ?? null, errorMessage: preview.error?.message ?? null };
    } catch (error) {
      if (error instanceof BindingError) refuse(bindingProblems(error));
      throw error;
    }
  }
}
