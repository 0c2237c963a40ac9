import { territoryRoots } from '../ability/territory-scope';
import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Response } from 'express';
import { attachRequestScopes, KIT_CONTEXT, type KitContext } from '@pilote/core';
import { AUTH_SETTINGS } from '../auth.tokens';
import type { AuthSettings } from '../config/auth-settings';
import { AuthError } from '../errors/auth-error';
import type { IdentifiedRequest } from '../guards/request-of';
import { readSignedInSession } from '../sessions/session-store';
import { sessionCookieName } from '../sessions/session-cookie';
import { verifyApiToken } from '../tokens/api-token.service';
import { identityOf, loadAnonymousIdentity, toGrants } from './identity-loader';
import type { RequestIdentity } from './request-identity';
import { readScope } from './request-identity';

/**
 * Attaches `req.identity` to every request: a bearer token, else the session cookie, else
 * anonymous. A bad token is refused here with 401 and a JSON message (never silently anonymous).
 */
@Injectable()
export class IdentityMiddleware implements NestMiddleware {
  constructor(
    @Inject(KIT_CONTEXT) private readonly kit: KitContext,
    @Inject(AUTH_SETTINGS) private readonly settings: AuthSettings,
  ) {}

  async use(req: IdentifiedRequest, res: Response, next: NextFunction): Promise<void> {
    try {
      const identity = await this.resolve(req);
      req.identity = identity;
      // The core and libraries read these typed scopes (they cannot import @pilote/auth); they
      // refuse to read scoped data on a request that has none. Imports keep to full roots.
      attachRequestScopes(req, { read: await readScope(this.kit.dataSource.manager, identity), import: { territoryRoots: territoryRoots(identity.ability, 'import', 'Import') } });
      next();
    } catch (error) {
      if (error instanceof AuthError) {
        res.status(error.status).json(error.toJSON());
        return;
      }
      next(error);
    }
  }

  private async resolve(req: IdentifiedRequest): Promise<RequestIdentity> {
    const db = this.kit.dataSource.manager;
    const authorization = req.headers.authorization;
    if (authorization !== undefined) {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
      if (!match) throw new AuthError(401, 'TOKEN_MALFORMED', 'The Authorization header must be "Bearer <token>".');
      const verified = await verifyApiToken(db, match[1]);
      return identityOf(verified.user, verified.grants, { token: { id: verified.tokenId, scopes: verified.scopes } });
    }
    const cookies = (req as { cookies?: Record<string, string> }).cookies ?? {};
    const cookieValue = cookies[sessionCookieName(this.settings)];
    if (cookieValue) {
      const signedIn = await readSignedInSession(db, cookieValue);
      if (signedIn && signedIn.user.status === 'active') {
        return identityOf(signedIn.user, toGrants(signedIn.grants), { session: { id: signedIn.session.id, csrfToken: signedIn.session.csrfToken } });
      }
    }
    return loadAnonymousIdentity(db);
  }
}
