import { Inject } from '@nestjs/common';
import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Can, graphqlErrors, type RequestIdentity, SignedIn } from '@pilote/auth';
import { KIT_CONTEXT, type KitContext, LIGHT_QUERY_COST } from '@pilote/core';
import { type FicheBatchRow, listFicheBatches, readFicheBatch } from './fiche-batch.store';
import { FicheBatchType } from './fiche-batch.types';
import { FichesService } from './fiches.service';

type Req = { identity?: RequestIdentity };

function toType(row: FicheBatchRow): FicheBatchType {
  return {
    id: row.id, policyId: row.policyId, level: row.level, asOf: row.asOf, state: row.state, total: row.territoryCodes.length, done: row.done, pages: row.pages,
    failedCount: row.failedCount, lastError: row.lastError, createdAt: row.createdAt, finishedAt: row.finishedAt, downloadUrl: `/api/v1/fiches/batches/${row.id}.zip`,
  };
}

/** Batches of PDF fiches: started by a reader of the policy, seen and downloaded by their owner (ADR 046). */
@Resolver(() => FicheBatchType)
export class FicheBatchResolver {
  constructor(
    @Inject(KIT_CONTEXT) private readonly kit: KitContext,
    private readonly fiches: FichesService,
  ) {}

  @Mutation(() => FicheBatchType, { description: 'Makes the fiches of a policy for every territory of `level` the caller may read, as one job.' })
  // Any reader of dashboards may ask; the service keeps the territories where they read this policy (none → 403).
  @Can('read', 'Dashboard')
  startFicheBatch(
    @Context('req') req: Req,
    @Args('policyId', { type: () => ID }) policyId: string,
    @Args('level', { type: () => String }) level: string,
    @Args('asOf', { type: () => String, nullable: true }) asOf: string | null,
    @Args('lang', { type: () => String, nullable: true }) lang: string | null,
  ): Promise<FicheBatchType> {
    return graphqlErrors(async () => {
      const config = this.kit.instance.config;
      const locale = lang && (config.locales as string[]).includes(lang) ? lang : config.defaultLocale;
      const id = await this.fiches.startBatch(req.identity as RequestIdentity, { policyId, level, asOf: asOf ?? null, lang: locale });
      return toType((await readFicheBatch(this.kit.dataSource.manager, id)) as FicheBatchRow);
    });
  }

  @Query(() => [FicheBatchType], { complexity: LIGHT_QUERY_COST, description: 'The caller\'s fiche batches, newest first.' })
  @SignedIn('each caller sees their own batches only')
  async ficheBatches(@Context('req') req: Req): Promise<FicheBatchType[]> {
    return (await listFicheBatches(this.kit.dataSource.manager, req.identity?.userId ?? '00000000-0000-0000-0000-000000000000')).map(toType);
  }

  @Query(() => FicheBatchType, { nullable: true, complexity: LIGHT_QUERY_COST, description: 'One of the caller\'s fiche batches (null for anyone else\'s).' })
  @SignedIn('each caller sees their own batches only')
  async ficheBatch(@Context('req') req: Req, @Args('id', { type: () => ID }) id: string): Promise<FicheBatchType | null> {
    const row = await readFicheBatch(this.kit.dataSource.manager, id);
    return row && row.ownerId === req.identity?.userId ? toType(row) : null;
  }
}
