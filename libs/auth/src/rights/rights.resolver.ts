import { Inject } from '@nestjs/common';
import { Args, Context, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { KIT_CONTEXT, type KitContext } from '@pilote/core';
import { type RoleRule, type Scope, scopeTerritory } from '../ability/ability.types';
import { territoryRoots } from '../ability/territory-scope';
import { actorOf } from '../audit/audit';
import { forbidden } from '../errors/auth-error';
import { graphqlErrors } from '../errors/to-graphql-error';
import { Can, SignedIn } from '../guards/can.decorator';
import type { IdentifiedRequest } from '../guards/request-of';
import { requireSession, requireUser } from '../identity/require-user';
import { type AssignmentView, createAssignment, listAssignments, removeAssignment } from './assignment.service';
import { quotaSettingsOf } from './quotas-of';
import { listRoles, type RoleView, updateRolePermissions } from './role.service';
import { AssignmentConnection, AssignmentType, RoleRuleInput, RoleType, ScopeInputType, ScopeType } from './rights.types';

const asList = (value: string | string[]) => (Array.isArray(value) ? value : [value]);

export function toScopeType(scope: Scope): ScopeType {
  return {
    kind: scope.kind,
    territoryCode: scopeTerritory(scope),
    ids: scope.kind === 'policies' || scope.kind === 'taxonomies' ? scope.ids : null,
    policyIds: scope.kind === 'combined' ? scope.policyIds : null,
    taxonomyIds: scope.kind === 'combined' ? scope.taxonomyIds : null,
  };
}

export function toRoleType(role: RoleView): RoleType {
  return { ...role, permissions: role.permissions.map((rule: RoleRule) => ({ action: asList(rule.action), subject: asList(rule.subject) })) };
}

export const toAssignmentType = (view: AssignmentView): AssignmentType => ({ ...view, scope: toScopeType(view.scope) });

/** Roles (rights as data) and assignments (role × scope), managed within the manager's scope. */
@Resolver(() => RoleType)
export class RightsResolver {
  constructor(@Inject(KIT_CONTEXT) private readonly kit: KitContext) {}

  @Query(() => [RoleType], { description: 'The roles of the instance and their rules (any signed-in user may read them, to request one).' })
  @SignedIn('any signed-in user reads the roles, to request one')
  roles(@Context('req') req: IdentifiedRequest) {
    return graphqlErrors(async () => {
      requireUser(req.identity);
      return (await listRoles(this.kit.dataSource.manager)).map(toRoleType);
    });
  }

  @Mutation(() => RoleType, { description: 'Replaces the rules of a role (instance administrators only); audited old → new.' })
  @Can('update', 'Role')
  updateRolePermissions(
    @Context('req') req: IdentifiedRequest,
    @Args('roleId', { type: () => ID }) roleId: string,
    @Args('permissions', { type: () => [RoleRuleInput] }) permissions: RoleRuleInput[],
  ) {
    return graphqlErrors(async () => {
      requireSession(req.identity, 'change roles');
      // Only an unrestricted right edits roles: a role applies everywhere, not in one territory.
      if (territoryRoots(req.identity!.ability, 'update', 'Role') !== null) throw forbidden('update', 'Role');
      const role = await this.kit.dataSource.transaction((manager) => updateRolePermissions(manager, { roleId, permissions, actor: actorOf(req.identity!) }));
      return toRoleType(role);
    });
  }

  @Query(() => AssignmentConnection, { description: 'Assignments inside your scope, newest first.' })
  @SignedIn('filtered to the scopes the caller manages (empty for others)')
  assignments(
    @Context('req') req: IdentifiedRequest,
    @Args('userEmail', { type: () => String, nullable: true }) userEmail?: string | null,
    @Args('includeRevoked', { type: () => Boolean, nullable: true }) includeRevoked?: boolean | null,
    @Args('first', { type: () => Int, nullable: true }) first?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ) {
    return graphqlErrors(async () => {
      requireUser(req.identity);
      const page = await listAssignments(this.kit.dataSource.manager, req.identity!, { userEmail, includeRevoked: includeRevoked ?? false, first: first ?? undefined, after });
      return { totalCount: page.totalCount, edges: page.nodes.map((node) => ({ node: toAssignmentType(node) })), pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor } };
    });
  }

  @Mutation(() => AssignmentType, { description: 'Gives a role on a scope (territory subtree × policies × taxonomies) to an e-mail, with a required reason (the account is created if needed), within your own rights and the quotas.' })
  @SignedIn('the service checks the scope and role are below the caller\'s')
  createAssignment(
    @Context('req') req: IdentifiedRequest,
    @Args('email') email: string,
    @Args('roleId', { type: () => ID }) roleId: string,
    @Args('scope', { type: () => ScopeInputType }) scope: ScopeInputType,
    @Args('reason', { type: () => String, nullable: true, description: 'Why this right is given (required; nullable in the schema only so that a missing one gets a clear message).' }) reason?: string | null,
  ) {
    return graphqlErrors(async () => {
      requireSession(req.identity, 'manage rights');
      const created = await this.kit.dataSource.transaction((manager) =>
        createAssignment(manager, req.identity!, { email, roleId, scope, reason, actor: actorOf(req.identity!), ...quotaSettingsOf(this.kit) }),
      );
      return toAssignmentType(created);
    });
  }

  @Mutation(() => AssignmentType, { description: 'Revokes an assignment inside your scope (kept, with who and when).' })
  @SignedIn('the service checks the assignment is inside the caller\'s scope')
  removeAssignment(
    @Context('req') req: IdentifiedRequest,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason', { type: () => String, nullable: true, description: 'Why it is revoked (kept in the audit trail).' }) reason?: string | null,
  ) {
    return graphqlErrors(async () => {
      requireSession(req.identity, 'manage rights');
      const removed = await this.kit.dataSource.transaction((manager) => removeAssignment(manager, req.identity!, { id, reason, actor: actorOf(req.identity!) }));
      return toAssignmentType(removed);
    });
  }
}
