import type { EntityManager } from 'typeorm';
import { invalid } from '../items/workflow-errors';
import { returningRows } from '../sql/returning-rows';

export const FAVOURITE_KINDS = ['policy', 'indicator', 'territory'] as const;
export type FavouriteKind = (typeof FAVOURITE_KINDS)[number];

export interface Favourite {
  kind: FavouriteKind;
  targetId: string;
  /** The policy's, indicator's or territory's name; null when it no longer exists. */
  name: string | null;
  /** For an indicator: its policy (the indicator page needs no more, the link does). */
  policyId: string | null;
  createdAt: Date;
}

const TABLE: Record<FavouriteKind, { table: string; key: string }> = {
  policy: { table: 'policy', key: 'id' },
  indicator: { table: 'indicator', key: 'id' },
  territory: { table: 'territory', key: 'code' },
};

export function parseFavouriteKind(value: string): FavouriteKind {
  if ((FAVOURITE_KINDS as readonly string[]).includes(value)) return value as FavouriteKind;
  throw invalid('kind', `Unknown kind of favourite "${value}": expected ${FAVOURITE_KINDS.join(', ')}.`);
}

/** The user's favourites, each with the current name of what it stars, oldest first. */
export async function listFavourites(db: EntityManager, userId: string): Promise<Favourite[]> {
  const rows = (await db.query(
    `SELECT f.kind, f.target_id, coalesce(p.name, i.name, t.name) AS name, i.policy_id, f.created_at
     FROM favourite f
     LEFT JOIN policy p ON f.kind = 'policy' AND p.id = f.target_id
     LEFT JOIN indicator i ON f.kind = 'indicator' AND i.id = f.target_id
     LEFT JOIN territory t ON f.kind = 'territory' AND t.code = f.target_id
     WHERE f.user_id = $1 ORDER BY f.created_at, f.kind, f.target_id`,
    [userId],
  )) as { kind: FavouriteKind; target_id: string; name: string | null; policy_id: string | null; created_at: Date }[];
  return rows.map((row) => ({ kind: row.kind, targetId: row.target_id, name: row.name, policyId: row.policy_id, createdAt: row.created_at }));
}

/** Stars (on = true) or unstars something; starring twice keeps one favourite. Refuses an unknown target. */
export async function setFavourite(db: EntityManager, userId: string, kind: FavouriteKind, targetId: string, on: boolean): Promise<boolean> {
  if (!on) {
    await returningRows(db, `DELETE FROM favourite WHERE user_id = $1 AND kind = $2 AND target_id = $3 RETURNING kind`, [userId, kind, targetId]);
    return false;
  }
  const { table, key } = TABLE[kind];
  const exists = (await db.query(`SELECT 1 FROM ${table} WHERE ${key} = $1`, [targetId])) as unknown[];
  if (exists.length === 0) throw invalid('targetId', `No ${kind} "${targetId}": nothing was starred.`);
  await db.query(`INSERT INTO favourite (user_id, kind, target_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [userId, kind, targetId]);
  return true;
}
