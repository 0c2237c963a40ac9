import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { assertCan, Public, type RequestIdentity, territoryPath } from '@pilote/auth';
import { computeProposedRates, currentAsOf, toExplanationType } from '@pilote/core';
import type { Computed } from '@pilote/engine';
import type { EntityManager } from 'typeorm';
import { ProposedRatesType, type ProposedRateType } from './proposed-rates.types';
import { WorkflowItemType } from './workflow-item.types';
import { WorkflowRunner } from './workflow-runner';

// A value still on its way: once published (or refused) its rate is the dashboard's, or none.
const AWAITING = new Set(['draft', 'submitted', 'validated']);

/** What a proposed current value would do to its indicator's rates, for whoever decides on it. */
@Resolver(() => WorkflowItemType)
export class ProposedRatesResolver {
  constructor(private readonly runner: WorkflowRunner) {}

  @ResolveField(() => ProposedRatesType, { nullable: true, description: 'Current values (VA) not yet published: the annual and global rates they would give, explained. Null otherwise.' })
  @Public("checks read Dashboard in the item's territory itself: the rates come from that territory's published series")
  async proposedRates(@Parent() item: WorkflowItemType, @Context('req') req: { identity?: RequestIdentity }): Promise<ProposedRatesType | null> {
    if (item.subjectKind !== 'measure' || item.measureKind !== 'VA' || !item.indicatorId || item.value === null || item.date === null || !AWAITING.has(item.state)) return null;
    const db = this.runner.kit.dataSource.manager;
    if (!(await mayReadDashboard(db, req.identity, item.territoryCode, item.policyId))) return null;
    const rates = await computeProposedRates(db, { indicatorId: item.indicatorId, territoryCode: item.territoryCode, date: item.date, value: item.value }, currentAsOf());
    if (!rates) return null;
    const names = (await db.query(`SELECT i.name, t.name AS territory FROM indicator i, territory t WHERE i.id = $1 AND t.code = $2`, [item.indicatorId, item.territoryCode])) as { name: string; territory: string }[];
    const title = names[0] ? `${names[0].name} — ${names[0].territory}` : item.indicatorId;
    const rate = async (computed: Computed, kind: string): Promise<ProposedRateType> => ({
      value: computed.value,
      reason: computed.value === null ? (computed.explanation.reason ?? null) : null,
      explanation: await toExplanationType(db, computed.explanation, `proposal:${item.id}:${kind}`, title),
    });
    return { asOf: rates.asOf, annual: await rate(rates.annual, 'annual'), global: await rate(rates.global, 'global') };
  }
}

/** The published series behind these rates are the dashboard's: the same right, in the same place. */
async function mayReadDashboard(db: EntityManager, identity: RequestIdentity | undefined, territoryCode: string, policyId: string): Promise<boolean> {
  const path = await territoryPath(db, territoryCode);
  try {
    assertCan(identity, 'read', 'Dashboard', { territoryPath: path, policyId });
    return true;
  } catch {
    return false;
  }
}
