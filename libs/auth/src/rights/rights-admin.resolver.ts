import { Inject } from '@nestjs/common';
import { Args, Context, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { KIT_CONTEXT, type KitContext } from '@pilote/core';
import { territoryRoots } from '../ability/territory-scope';
import { actorOf } from '../audit/audit';
import { forbidden } from '../errors/auth-error';
import { graphqlErrors } from '../errors/to-graphql-error';
import { Can, SignedIn } from '../guards/can.decorator';
import type { IdentifiedRequest } from '../guards/request-of';
import { requireSession, requireUser } from '../identity/require-user';
import { quotaSettingsOf } from './quotas-of';
import { listRightsAccounts, quotasAt } from './rights-accounts.service';
import { toAssignmentType } from './rights.resolver';
import { QuotasAtType, RightsAccountPage, RightsPreviewType, RoleQuotaType, ScopeInputType } from './rights.types';
import { previewRight } from './rights-preview.service';
import { overrideRoleQuota } from './role-quota';

/** The administration page of rights (/admin/rights): accounts in my scope, quotas and their overrides. */
@Resolver()
export class RightsAdminResolver {
  constructor(@Inject(KIT_CONTEXT) private readonly kit: KitContext) {}

  @Query(() => RightsAccountPage, { description: 'Accounts inside your administration scope (searched by e-mail or name), with their rights there.' })
  @SignedIn('filtered to the scope the caller administers (refused to those who administer nothing)')
  rightsAccounts(
    @Context('req') req: IdentifiedRequest,
    @Args('search', { type: () => String, nullable: true }) search?: string | null,
    @Args('first', { type: () => Int, nullable: true }) first?: number | null,
    @Args('offset', { type: () => Int, nullable: true }) offset?: number | null,
  ) {
    return graphqlErrors(async () => {
      requireUser(req.identity);
      const page = await listRightsAccounts(this.kit.dataSource.manager, req.identity!, { search, first, offset });
      return { totalCount: page.totalCount, nodes: page.nodes.map((node) => ({ ...node, assignments: node.assignments.map(toAssignmentType) })) };
    });
  }

  @Query(() => QuotasAtType, { description: 'The quotas a grant at this territory counts against: accounts of its quota territory and holders per role.' })
  @SignedIn('the service checks the territory is inside the caller\'s administration scope')
  quotasAt(@Context('req') req: IdentifiedRequest, @Args('territoryCode') territoryCode: string) {
    return graphqlErrors(async () => {
      requireUser(req.identity);
      return quotasAt(this.kit.dataSource.manager, req.identity!, territoryCode, quotaSettingsOf(this.kit));
    });
  }

  @Query(() => RightsPreviewType, { description: '"See as" without impersonation: the territories and policies a role on a scope would read, and a dashboard link.' })
  @SignedIn('the service checks the scope is inside the caller\'s administration scope')
  rightsPreview(@Context('req') req: IdentifiedRequest, @Args('roleId', { type: () => ID }) roleId: string, @Args('scope', { type: () => ScopeInputType }) scope: ScopeInputType) {
    return graphqlErrors(async () => {
      requireUser(req.identity);
      return previewRight(this.kit.dataSource.manager, req.identity!, { roleId, scope });
    });
  }

  @Mutation(() => RoleQuotaType, { description: 'Sets the quota of a role in a quota territory (instance administrators only), with a required reason; audited old → new.' })
  @Can('update', 'Role')
  overrideRoleQuota(
    @Context('req') req: IdentifiedRequest,
    @Args('territoryCode') territoryCode: string,
    @Args('roleId', { type: () => ID }) roleId: string,
    @Args('max', { type: () => Int }) max: number,
    @Args('reason') reason: string,
  ) {
    return graphqlErrors(async () => {
      requireSession(req.identity, 'override quotas');
      // Quotas are the instance's: only an unrestricted administrator changes them.
      if (territoryRoots(req.identity!.ability, 'update', 'Role') !== null) throw forbidden('update', 'Role');
      return this.kit.dataSource.transaction((manager) =>
        overrideRoleQuota(manager, { territoryCode, roleId, max, reason, setBy: req.identity!.userId, actor: actorOf(req.identity!), settings: quotaSettingsOf(this.kit) }),
      );
    });
  }
}
