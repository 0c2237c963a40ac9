import { Inject } from '@nestjs/common';
import { Args, Context, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { KIT_CONTEXT, type KitContext } from '@pilote/core';
import { graphqlErrors } from '../errors/to-graphql-error';
import { Can } from '../guards/can.decorator';
import type { IdentifiedRequest } from '../guards/request-of';
import { requireUser } from '../identity/require-user';
import { actorOf } from './audit';
import { changeAuditRetention, effectiveRetention, type EffectiveRetention } from './audit-retention-setting';
import { AuditRetentionSource, AuditRetentionType } from './audit-retention.types';

const toType = (r: EffectiveRetention): AuditRetentionType => ({ ...r, source: AuditRetentionSource[r.source] });

@Resolver(() => AuditRetentionType)
export class AuditRetentionResolver {
  constructor(@Inject(KIT_CONTEXT) private readonly kit: KitContext) {}

  private get configDays(): number | null {
    return this.kit.instance.config.audit.retentionDays;
  }

  @Query(() => AuditRetentionType, { description: 'The audit retention in force: set on screen, or pilote.config.ts by default.' })
  @Can('read', 'AuditLog')
  auditRetention() {
    return graphqlErrors(async () => toType(await effectiveRetention(this.kit.dataSource.manager, this.configDays)));
  }

  @Mutation(() => AuditRetentionType, { description: 'Sets the audit retention (administrators): days from 30 to 36,500, or null to keep everything; audited with its reason.' })
  @Can('update', 'Settings')
  setAuditRetention(
    @Context('req') req: IdentifiedRequest,
    @Args('days', { type: () => Int, nullable: true, description: 'null keeps everything' }) days: number | null,
    @Args('reason', { type: () => String }) reason: string,
  ) {
    return this.change(req, { days: days ?? null, reset: false, reason });
  }

  @Mutation(() => AuditRetentionType, { description: 'Goes back to audit.retentionDays of pilote.config.ts (administrators); audited with its reason.' })
  @Can('update', 'Settings')
  resetAuditRetention(@Context('req') req: IdentifiedRequest, @Args('reason', { type: () => String }) reason: string) {
    return this.change(req, { days: null, reset: true, reason });
  }

  private change(req: IdentifiedRequest, input: { days: number | null; reset: boolean; reason: string }) {
    return graphqlErrors(async () => {
      requireUser(req.identity);
      const actor = actorOf(req.identity!);
      const after = await this.kit.dataSource.transaction((manager) => changeAuditRetention(manager, { ...input, actor, configDays: this.configDays }));
      return toType(after);
    });
  }
}
