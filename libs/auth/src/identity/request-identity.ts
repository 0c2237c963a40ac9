import type { AppAbility, Grant } from '../ability/ability.types';
import { buildAbility } from '../ability/build-ability';
import { territoryRoots } from '../ability/territory-scope';
import { policyCells } from '../ability/policy-cells';
import type { ReadScope } from '@pilote/core';
import type { EntityManager } from 'typeorm';
import type { TokenScope } from '../permissions/actions';

/** Who makes a request and what they may do; built once per request and attached to it. */
export interface RequestIdentity {
  kind: 'user' | 'token' | 'anonymous';
  userId: string | null;
  email: string | null;
  displayName: string | null;
  grants: Grant[];
  ability: AppAbility;
  /** Cookie sessions only: the session and the token mutations must echo in `x-csrf-token`. */
  session?: { id: string; csrfToken: string };
  token?: { id: string; scopes: TokenScope[] };
}

export function anonymousIdentity(publicGrant: Grant | null): RequestIdentity {
  const grants = publicGrant ? [publicGrant] : [];
  return { kind: 'anonymous', userId: null, email: null, displayName: null, grants, ability: buildAbility({ grants }) };
}

/** Territory roots this identity may read dashboards in for every policy (`null` = all), for SQL filters. */
export function readableRoots(identity: RequestIdentity, action = 'read', subject = 'Dashboard'): string[] | null {
  return territoryRoots(identity.ability, action, subject);
}

/**
 * The read scope of a request (`read Dashboard`): the full roots, and what rights limited to
 * policies or taxonomies read on top of them (policy cells, ADR 037). No cell when the roots
 * already say "everywhere".
 */
export async function readScope(db: EntityManager, identity: RequestIdentity): Promise<ReadScope> {
  const roots = readableRoots(identity);
  if (roots === null) return { territoryRoots: null };
  const cells = await policyCells(db, identity.ability, 'read', 'Dashboard');
  return cells.length ? { territoryRoots: roots, policyCells: cells } : { territoryRoots: roots };
}
