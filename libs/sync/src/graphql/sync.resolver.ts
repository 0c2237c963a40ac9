import { Inject } from '@nestjs/common';
import { Args, Context, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Can, computationLevelOrder, currentAsOf, KIT_CONTEXT, type KitContext, LIGHT_QUERY_COST } from '@pilote/core';
import { findSource, listSources, type LoadedModules } from '@pilote/module-sdk/server';
import { z } from 'zod';
import { BindingError, listBindings, loadBinding, saveBinding } from '../binding';
import { previewDraft } from '../preview-draft';
import { bindingFromForm, type FieldProblem, fieldOf } from './binding-form';
import { AvailableSourceType, SourceBindingDraftPreviewType, SourceBindingInputType } from './sync-input.types';
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
  return error.problems.map((problem) => ({ field: fieldOf(problem.path), path: problem.path || 'mapping', message: problem.message }));
}

type Req = { identity?: { userId?: string | null } };

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
        return {
          id: binding.id, name: binding.name, source: binding.source, schedule: binding.schedule, trusted: binding.trusted, enabled: binding.enabled,
          nextRunAt: binding.nextRunAt, sourceAvailable: Boolean(findSource(this.modules, binding.source)), lastRun: last ? toRun(last) : null,
        };
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
    if (!(await loadBinding(this.kit.dataSource.manager, bindingId))) throw new SyncInputError(`No source binding "${bindingId}".`, 'NOT_FOUND', 'bindingId');
    await queueRunNow(this.kit, this.kit.dataSource, bindingId);
    return true;
  }

  @Mutation(() => SyncRunType, { description: 'Reads the source and checks it like a run, then rolls back: what would change, nothing written.' })
  @Can('update', 'SourceBinding')
  async previewSourceBinding(@Args('bindingId', { type: () => ID }) bindingId: string): Promise<SyncRunType> {
    if (!(await loadBinding(this.kit.dataSource.manager, bindingId))) throw new SyncInputError(`No source binding "${bindingId}".`, 'NOT_FOUND', 'bindingId');
    const report = await runSync(this.kit.dataSource, this.modules, { bindingId, dryRun: true, trigger: 'manual', levelOrder: computationLevelOrder(this.kit.instance.config), asOf: currentAsOf() });
    const [run] = (await listRuns(this.kit.dataSource, bindingId, 5)).filter((row) => row.id === report.runId);
    return toRun(run);
  }

  @Query(() => [AvailableSourceType], { complexity: LIGHT_QUERY_COST, description: 'The source connectors the enabled modules offer (what a binding may name).' })
  @Can('read', 'SourceBinding')
  availableSources(): AvailableSourceType[] {
    return listSources(this.modules).map((offered) => {
      const json = z.toJSONSchema(offered.source.settingsSchema, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, { default?: unknown }>; required?: string[] };
      const properties = json.properties ?? {};
      return {
        ref: offered.ref, nameFr: offered.source.displayName.fr, nameEn: offered.source.displayName.en,
        settingsKeys: Object.keys(properties),
        requiredSettings: (json.required ?? []).filter((key) => properties[key]?.default === undefined),
        secretSettings: [...(offered.source.secretSettings ?? [])],
      };
    });
  }

  @Mutation(() => SourceBindingType, { description: 'Creates a source binding (the caller owns it: parked runs are reported to them). Every problem comes back in extensions.problems with its field.' })
  @Can('update', 'SourceBinding')
  async createSourceBinding(@Args('input') input: SourceBindingInputType, @Context('req') req?: Req): Promise<SourceBindingType> {
    const { binding, problems } = bindingFromForm(input, req?.identity?.userId ?? null);
    if (problems.length > 0) refuse(problems);
    if (binding.id && (await loadBinding(this.kit.dataSource.manager, binding.id))) refuse([{ field: 'id', path: 'id', message: `a binding "${binding.id}" exists already: choose another id` }]);
    try {
      const saved = await saveBinding(this.kit.dataSource.manager, this.modules, binding);
      return { id: saved.id, name: saved.name, source: saved.source, schedule: saved.schedule, trusted: saved.trusted, enabled: saved.enabled, nextRunAt: saved.nextRunAt, sourceAvailable: true, lastRun: null };
    } catch (error) {
      if (error instanceof BindingError) refuse(bindingProblems(error));
      throw error;
    }
  }

  @Mutation(() => SourceBindingDraftPreviewType, { description: 'Tries a binding before it is saved: reads the source, shows its first records and what a run would write; nothing is written.' })
  @Can('update', 'SourceBinding')
  async previewSourceBindingDraft(@Args('input') input: SourceBindingInputType): Promise<SourceBindingDraftPreviewType> {
    const { binding, problems } = bindingFromForm(input, null);
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
