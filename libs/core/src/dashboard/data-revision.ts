import type { EntityManager } from 'typeorm';

/** Fold the marks into one row past this many: the revision stays one small aggregate. */
const FOLD_ABOVE = 1_000;

/**
 * The revision of the dashboard's data: how many transactions that wrote a dashboard source table
 * have committed (table data_change, filled by triggers — migration 1764000005100). Equal
 * revisions mean no such write committed in between, on any replica or process (CLI imports too).
 */
export async function readDataRevision(db: EntityManager, options: { fold?: boolean } = {}): Promise<string> {
  const [row] = (await db.query(`SELECT coalesce(sum(weight), 0)::text AS revision, count(*)::int AS marks FROM data_change`)) as { revision: string; marks: number }[];
  // A read replica is read-only: the primary folds, and the replica replays the fold.
  if (row.marks > FOLD_ABOVE && options.fold !== false) await foldDataChanges(db);
  return row.revision;
}

/**
 * Replaces the marks of finished transactions by one row carrying their total weight, in one
 * transaction: every reader sees the same sum before and after. Marks of transactions still
 * running (txid ≥ the snapshot's xmin) are kept: they may not be visible yet.
 */
export async function foldDataChanges(db: EntityManager): Promise<void> {
  await db.query(`WITH folded AS (
      DELETE FROM data_change WHERE txid < pg_snapshot_xmin(pg_current_snapshot()) RETURNING weight
    )
    INSERT INTO data_change (txid, weight) SELECT pg_current_xact_id(), sum(weight) FROM folded HAVING count(*) > 0`);
}
