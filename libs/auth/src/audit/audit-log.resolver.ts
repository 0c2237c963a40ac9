import { Inject } from '@nestjs/common';
import { Args, Context, Int, Query, Resolver } from '@nestjs/graphql';
import { KIT_CONTEXT, type KitContext } from '@pilote/core';
import { graphqlErrors } from '../errors/to-graphql-error';
import { SignedIn } from '../guards/can.decorator';
import type { IdentifiedRequest } from '../guards/request-of';
import { requireUser } from '../identity/require-user';
import { type AuditLogEntry, listAuditLog } from './audit-log.service';
import { effectiveRetention } from './audit-retention-setting';
import { AuditLogConnection, AuditLogEntryType, AuditLogFilterInput } from './audit-log.types';

const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));
const toType = (entry: AuditLogEntry): AuditLogEntryType => ({ ...entry, old: json(entry.old), new: json(entry.new) });

@Resolver(() => AuditLogEntryType)
export class AuditLogResolver {
  constructor(@Inject(KIT_CONTEXT) private readonly kit: KitContext) {}

  @Query(() => AuditLogConnection, { description: 'The audit trail, newest first: everything for administrators, your territories for scope managers.' })
  @SignedIn('filtered by the service: everything for administrators, the managed territories for scope managers')
  auditLog(
    @Context('req') req: IdentifiedRequest,
    @Args('filter', { type: () => AuditLogFilterInput, nullable: true }) filter?: AuditLogFilterInput | null,
    @Args('first', { type: () => Int, nullable: true }) first?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ) {
    return graphqlErrors(async () => {
      requireUser(req.identity);
      const page = await listAuditLog(this.kit.dataSource.manager, req.identity!, { filter, first, after });
      return { totalCount: page.totalCount, edges: page.entries.map((entry) => ({ node: toType(entry) })), pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor }, retentionDays: (await effectiveRetention(this.kit.dataSource.manager, this.kit.instance.config.audit.retentionDays)).days };
    });
  }
}
