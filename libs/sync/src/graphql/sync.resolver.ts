import { Inject } from '@nestjs/common';
import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Can, computationLevelOrder, currentAsOf, KIT_CONTEXT, type KitContext, LIGHT_QUERY_COST } from '@pilote/core';
import { findSource, type LoadedModules } from '@pilote/module-sdk/server';
import { listBindings, loadBinding } from '../binding';
import { listRuns, runSync, type SyncRunRow } from '../run-sync';
import { queueRunNow } from '../sync-jobs';
import { SyncInputError } from './sync-error';
import { SourceBindingType, SyncRunType } from './sync.types';

export const SYNC_MODULES = Symbol('SYNC_MODULES');

const toRun = (row: SyncRunRow): SyncRunType => ({
  ...row,
  issues: row.issues.map((issue) => ({ code: issue.code, line: issue.line, column: issue.column ?? null, value: issue.value ?? null, params: JSON.stringify(issue.params ?? {}) })),
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
}
