import { Inject } from '@nestjs/common';
import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthError, graphqlErrors, type RequestIdentity, requireUser, SignedIn } from '@pilote/auth';
import { KIT_CONTEXT, type KitContext } from '@pilote/core';
import { AlertSubscriptionInputType, AlertSubscriptionType } from './alert.types';
import { checkSubscription, createSubscription, deleteSubscription, listSubscriptions } from './alert-subscription-store';
import { mayReadDashboard } from './may-read';

type Req = { identity?: RequestIdentity };

/** Your alert subscriptions (any signed-in user, only their own, only on what they may read). */
@Resolver(() => AlertSubscriptionType)
export class AlertResolver {
  constructor(@Inject(KIT_CONTEXT) private readonly kit: KitContext) {}

  private get db() {
    return this.kit.dataSource.manager;
  }

  @Query(() => [AlertSubscriptionType], { description: 'Your alert subscriptions, oldest first.' })
  @SignedIn('the caller\'s own alert subscriptions')
  myAlertSubscriptions(@Context('req') req: Req) {
    return graphqlErrors(async () => listSubscriptions(this.db, requireUser(req.identity)));
  }

  @Mutation(() => AlertSubscriptionType, { description: 'Subscribes to an alert on a policy or an indicator in a territory you may read.' })
  @SignedIn('the caller\'s own alert subscriptions; the service checks read Dashboard on the policy in the territory')
  subscribeAlert(@Context('req') req: Req, @Args('input') input: AlertSubscriptionInputType) {
    return graphqlErrors(async () => {
      const userId = requireUser(req.identity);
      const row = await checkSubscription(this.db, input);
      // Same answer for an out-of-scope territory as for an unknown one (no existence oracle).
      if (!(await mayReadDashboard(this.db, userId, row.territoryCode, row.policyId))) throw new AuthError(403, 'FORBIDDEN', 'You may not read this policy in this territory.', 'territoryCode');
      return createSubscription(this.db, userId, row);
    });
  }

  @Mutation(() => Boolean, { description: 'Removes one of your alert subscriptions.' })
  @SignedIn('the caller\'s own alert subscriptions')
  unsubscribeAlert(@Context('req') req: Req, @Args('id', { type: () => ID }) id: string) {
    return graphqlErrors(async () => {
      if (!(await deleteSubscription(this.db, requireUser(req.identity), id))) throw new AuthError(404, 'NOT_FOUND', 'No such alert subscription of yours.', 'id');
      return true;
    });
  }
}
