import { Inject } from '@nestjs/common';
import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { jobQueueOf, KIT_CONTEXT, type KitContext } from '@pilote/core';
import { actorOf } from '../audit/audit';
import { graphqlErrors } from '../errors/to-graphql-error';
import { ACCESS_REQUEST_CREATED_JOB, authEvents } from '../events/auth-events';
import { SignedIn } from '../guards/can.decorator';
import type { IdentifiedRequest } from '../guards/request-of';
import { requireSession, requireUser } from '../identity/require-user';
import { quotaSettingsOf, requestableRolesOf } from '../rights/quotas-of';
import { listRoles } from '../rights/role.service';
import { RoleType } from '../rights/rights.types';
import { toRoleType, toScopeType } from '../rights/rights.resolver';
import { ScopeInputType } from '../rights/rights.types';
import { type AccessRequestView, accessRequestsToDecide, decideAccessRequest, isRequestable, myAccessRequests, requestAccess } from './access-request.service';
import { AccessRequestType } from './access-request.types';

const toType = (view: AccessRequestView): AccessRequestType => ({ ...view, scope: toScopeType(view.scope) });

/** DataPass-like access requests: ask for a role on a scope; the managers of that scope decide. */
@Resolver(() => AccessRequestType)
export class AccessRequestResolver {
  constructor(@Inject(KIT_CONTEXT) private readonly kit: KitContext) {}

  @Mutation(() => AccessRequestType, { description: 'Asks for a role on a scope, with a reason; the managers of that scope are notified.' })
  @SignedIn('any signed-in user may ask for a role')
  requestAccess(
    @Context('req') req: IdentifiedRequest,
    @Args('roleId', { type: () => ID }) roleId: string,
    @Args('scope', { type: () => ScopeInputType }) scope: ScopeInputType,
    @Args('reason') reason: string,
  ) {
    return graphqlErrors(async () => {
      requireSession(req.identity, 'request access');
      const queue = jobQueueOf(this.kit);
      const { request, event } = await this.kit.dataSource.transaction(async (manager) => {
        const created = await requestAccess(manager, req.identity!, { roleId, scope, reason, actor: actorOf(req.identity!), requestable: requestableRolesOf(this.kit) });
        // Durable follow-up (the managers' notifications) in the same transaction, when a library defines it.
        if (queue.has(ACCESS_REQUEST_CREATED_JOB)) await queue.enqueue(manager, ACCESS_REQUEST_CREATED_JOB, created.event);
        return created;
      });
      void authEvents.emit('access-request.created', event); // after commit, for in-process listeners
      return toType(request);
    });
  }

  @Query(() => [RoleType], { description: 'The roles a user may ask for on this instance (rights.requestableRoles; by default every role but the administrator\'s).' })
  @SignedIn('any signed-in user may ask for a role: they read which ones')
  requestableRoles(@Context('req') req: IdentifiedRequest) {
    return graphqlErrors(async () => {
      requireUser(req.identity);
      const requestable = requestableRolesOf(this.kit);
      return (await listRoles(this.kit.dataSource.manager)).filter((role) => isRequestable(role.id, requestable)).map(toRoleType);
    });
  }

  @Query(() => [AccessRequestType], { description: 'Your access requests and their decisions.' })
  @SignedIn('your own requests only')
  myAccessRequests(@Context('req') req: IdentifiedRequest) {
    return graphqlErrors(async () => (await myAccessRequests(this.kit.dataSource.manager, requireUser(req.identity))).map(toType));
  }

  @Query(() => [AccessRequestType], { description: 'Pending requests you may decide (inside your scope, for roles below yours).' })
  @SignedIn('filtered to the scopes and roles the caller manages')
  accessRequestsToDecide(@Context('req') req: IdentifiedRequest) {
    return graphqlErrors(async () => {
      requireUser(req.identity);
      return (await accessRequestsToDecide(this.kit.dataSource.manager, req.identity!)).map(toType);
    });
  }

  @Mutation(() => AccessRequestType, { description: 'Approves (creates the assignment) or refuses (reason required) a pending request.' })
  @SignedIn('the service checks the caller manages the request scope and role')
  decideAccessRequest(
    @Context('req') req: IdentifiedRequest,
    @Args('id', { type: () => ID }) id: string,
    @Args('approve') approve: boolean,
    @Args('reason', { type: () => String, nullable: true }) reason?: string | null,
  ) {
    return graphqlErrors(async () => {
      requireSession(req.identity, 'decide access requests');
      const { request, event } = await this.kit.dataSource.transaction((manager) =>
        decideAccessRequest(manager, req.identity!, { id, approve, reason, actor: actorOf(req.identity!), ...quotaSettingsOf(this.kit) }),
      );
      void authEvents.emit('access-request.decided', event);
      return toType(request);
    });
  }
}
