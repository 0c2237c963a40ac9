import { type CanActivate, type ExecutionContext, HttpException, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { subject as asSubject } from '@casl/ability';
import { type AccessSpec, type CanSpec, KIT_CONTEXT, type KitContext, type PolicyCell, requestScopes } from '@pilote/core';
import { AuthError, forbidden, undeclared, unauthenticated } from '../errors/auth-error';
import { toGraphQLError } from '../errors/to-graphql-error';
import { anonymousIdentity, type RequestIdentity } from '../identity/request-identity';
import { territoryPath } from '../identity/territory-path';
import { ACCESS_METADATA, SKIP_CSRF_METADATA } from './can.decorator';
import { argsOf, isGraphql, isMutation, requestOf } from './request-of';

export const CSRF_HEADER = 'x-csrf-token';

/**
 * Global guard on every GraphQL query/mutation and REST route of the app, modules included:
 * CSRF for cookie sessions, then the operation's declaration (`@Can`, `@SignedIn`, `@Public`).
 * Fail closed: an operation that declares nothing is refused, whoever asks.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(KIT_CONTEXT) private readonly kit: KitContext,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    try {
      await this.check(context);
      return true;
    } catch (error) {
      if (!(error instanceof AuthError)) throw error;
      if (isGraphql(context)) throw toGraphQLError(error);
      throw new HttpException(error.toJSON(), error.status);
    }
  }

  private async check(context: ExecutionContext): Promise<void> {
    const req = requestOf(context);
    // No identity means the middleware did not run for this path: treat as anonymous with no right.
    const identity: RequestIdentity = req.identity ?? anonymousIdentity(null);
    const targets = [context.getHandler(), context.getClass()];
    if (identity.session && isMutation(context) && !this.reflector.getAllAndOverride<boolean>(SKIP_CSRF_METADATA, targets)) {
      const header = req.headers[CSRF_HEADER];
      if (header !== identity.session.csrfToken) {
        throw new AuthError(403, 'CSRF_TOKEN_INVALID', `This change needs the "${CSRF_HEADER}" header with the csrfToken given by GET /auth/me.`);
      }
    }
    const access = this.reflector.getAllAndOverride<AccessSpec | undefined>(ACCESS_METADATA, targets);
    if (!access) throw undeclared(operationName(context));
    if (access.kind === 'public') return;
    if (access.kind === 'signed-in') {
      if (identity.kind === 'anonymous') throw unauthenticated();
      return;
    }
    await this.checkCan(context, req, identity, access);
  }

  private async checkCan(context: ExecutionContext, req: unknown, identity: RequestIdentity, spec: CanSpec): Promise<void> {
    const refuse = () => (identity.kind === 'anonymous' ? unauthenticated() : forbidden(spec.action, spec.subject));
    if (!identity.ability.can(spec.action, spec.subject)) throw refuse();
    const args = argsOf(context);
    const code = spec.territoryFrom?.(args);
    let policyId = spec.policyFrom?.(args);
    const indicatorId = policyId ? null : spec.indicatorFrom?.(args);
    if (decidedForEveryTerritory(identity, spec) || (!code && !policyId && !indicatorId)) return;
    const db = this.kit.dataSource.manager;
    // An indicator is checked as its policy (an unknown one names none: the territory alone decides).
    if (indicatorId) policyId = ((await db.query(`SELECT policy_id FROM indicator WHERE id = $1`, [indicatorId])) as { policy_id: string }[])[0]?.policy_id ?? null;
    if (!code && !policyId) return;
    // A right limited to policies or taxonomies (ADR 037) is checked against the policy the call names.
    const attributes: { territoryPath?: string[]; policyId?: string; taxonomyIds?: string[] } = {};
    if (code) attributes.territoryPath = await territoryPath(db, code);
    if (policyId) {
      attributes.policyId = policyId;
      attributes.taxonomyIds = ((await db.query(`SELECT taxonomy_id FROM policy_taxonomy WHERE policy_id = $1`, [policyId])) as { taxonomy_id: string }[]).map((row) => row.taxonomy_id);
    }
    if (identity.ability.can(spec.action, asSubject(spec.subject, attributes))) return;
    // A view that filters its rows by policy (`policyCells`) opens at a territory inside one of
    // the reader's cells: they see there the rows of their policies only (ADR 037, amended).
    if (spec.policyCells && code && !policyId && insideACell(readCells(req, spec), attributes.territoryPath ?? [])) return;
    throw refuse();
  }
}

/** The request's policy cells when the spec is `read Dashboard` (the read scope's right); none otherwise, or without a scope. */
function readCells(req: unknown, spec: CanSpec): PolicyCell[] {
  if (spec.action !== 'read' || spec.subject !== 'Dashboard') return [];
  try {
    return requestScopes(req).read.policyCells ?? [];
  } catch {
    return []; // no scope computed for this request: nothing opens
  }
}

/** True when the territory (its path: itself and its ancestors) is inside one cell's roots. */
function insideACell(cells: PolicyCell[], path: string[]): boolean {
  return path.length > 0 && cells.some((cell) => cell.policyIds.length > 0 && (cell.roots === null || cell.roots.some((root) => path.includes(root))));
}

/** `Query.home`, `GET /api/v1/imports`…: names the operation in the refusal, for its author. */
function operationName(context: ExecutionContext): string {
  return `${context.getClass().name}.${context.getHandler().name}`;
}

/**
 * True when the rule that decides first (CASL: the last one given) has no conditions: it then
 * answers for every territory, so the territory's ancestors need not be read (a national reader's
 * request costs one statement less). Only ever skips a check that would allow.
 */
function decidedForEveryTerritory(identity: RequestIdentity, spec: CanSpec): boolean {
  const [first] = identity.ability.rulesFor(spec.action, spec.subject);
  return first !== undefined && !first.inverted && first.conditions === undefined && first.fields === undefined;
}
