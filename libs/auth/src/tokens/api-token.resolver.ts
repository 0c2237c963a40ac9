import { Inject } from '@nestjs/common';
import { Args, Context, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { KIT_CONTEXT, type KitContext } from '@pilote/core';
import { AUTH_SETTINGS } from '../auth.tokens';
import { actorOf } from '../audit/audit';
import type { AuthSettings } from '../config/auth-settings';
import { graphqlErrors } from '../errors/to-graphql-error';
import { Can, SignedIn } from '../guards/can.decorator';
import type { IdentifiedRequest } from '../guards/request-of';
import { assertCan } from '../identity/assert-can';
import { requireSession, requireUser } from '../identity/require-user';
import { assertTokenCreationRate } from './token-creation-rate';
import { createApiToken, listAllApiTokens, listApiTokens, revokeApiToken } from './api-token.service';
import { ApiTokenAdminType, ApiTokenType, CreatedApiTokenType } from './api-token.types';

@Resolver(() => ApiTokenType)
export class ApiTokenResolver {
  constructor(
    @Inject(KIT_CONTEXT) private readonly kit: KitContext,
    @Inject(AUTH_SETTINGS) private readonly settings: AuthSettings,
  ) {}

  @Query(() => [ApiTokenType], { description: 'Your API tokens, with their last use.' })
  @SignedIn('the caller\'s own tokens (assertCan on its user id)')
  myApiTokens(@Context('req') req: IdentifiedRequest) {
    return graphqlErrors(async () => {
      const userId = requireUser(req.identity);
      assertCan(req.identity, 'read', 'ApiToken', { userId });
      return listApiTokens(this.kit.dataSource.manager, userId);
    });
  }

  @Mutation(() => CreatedApiTokenType, { description: 'Creates a token with your rights cut down to its scopes (read, write, import).' })
  @SignedIn('a token of the caller\'s own, cut down to its rights (assertCan on its user id)')
  createApiToken(
    @Context('req') req: IdentifiedRequest,
    @Args('name') name: string,
    @Args('ttlDays', { type: () => Int }) ttlDays: number,
    @Args('scopes', { type: () => [String] }) scopes: string[],
  ) {
    return graphqlErrors(async () => {
      const userId = requireSession(req.identity, 'create API tokens');
      assertCan(req.identity, 'create', 'ApiToken', { userId });
      await assertTokenCreationRate(this.kit.dataSource.manager, userId, this.settings.tokenCreationsPerHour);
      return this.kit.dataSource.transaction((manager) => createApiToken(manager, { userId, name, ttlDays, scopes, actor: actorOf(req.identity!) }));
    });
  }

  @Mutation(() => ApiTokenType, { description: 'Revokes one of your tokens at once.' })
  @SignedIn('the caller\'s own tokens only (assertCan on its user id)')
  revokeApiToken(@Context('req') req: IdentifiedRequest, @Args('id', { type: () => ID }) id: string) {
    return graphqlErrors(async () => {
      const userId = requireUser(req.identity);
      assertCan(req.identity, 'delete', 'ApiToken', { userId });
      return this.kit.dataSource.transaction((manager) => revokeApiToken(manager, { tokenId: id, userId, actor: actorOf(req.identity!) }));
    });
  }

  @Query(() => [ApiTokenAdminType], { description: "Every account's tokens (administrators): newest first, searched in the owner's e-mail, the name or the prefix." })
  @Can('manage', 'ApiToken')
  apiTokens(
    @Context('req') req: IdentifiedRequest,
    @Args('search', { type: () => String, nullable: true }) search: string | null,
    @Args('includeInactive', { type: () => Boolean, defaultValue: false, description: 'Also revoked and expired tokens' }) includeInactive: boolean,
  ) {
    return graphqlErrors(async () => {
      requireSession(req.identity, 'list the tokens of every account');
      return listAllApiTokens(this.kit.dataSource.manager, { search, includeInactive });
    });
  }

  @Mutation(() => ApiTokenType, { description: "Revokes any account's token at once (administrators, in a browser session)." })
  @Can('manage', 'ApiToken')
  revokeAnyApiToken(@Context('req') req: IdentifiedRequest, @Args('id', { type: () => ID }) id: string) {
    return graphqlErrors(async () => {
      requireSession(req.identity, 'revoke the tokens of other accounts');
      return this.kit.dataSource.transaction((manager) => revokeApiToken(manager, { tokenId: id, userId: null, actor: actorOf(req.identity!) }));
    });
  }
}
