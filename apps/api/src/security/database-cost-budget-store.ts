import type { DataSource } from 'typeorm';
import type { BucketLimits, BudgetCharge, CostBudgetStore } from './cost-budget-store';

/** Forget full buckets every this many charges (a full bucket is the same as an absent one). */
const PURGE_EVERY = 1_000;

/**
 * Token buckets in the instance's PostgreSQL (table rate_limit_bucket): every replica charges
 * the same bucket, so N replicas do not give N times the limit. One statement per charge, on the
 * database's clock so replicas agree on time; concurrent charges of one key queue on its row.
 */
export class DatabaseCostBudgetStore implements CostBudgetStore {
  private charges = 0;
  /** Longest time a bucket seen here takes to refill from empty: older rows are full. */
  private fullAfterMs = 0;

  constructor(private readonly dataSource: DataSource) {}

  async charge(key: string, cost: number, { capacity, refill, windowMs }: BucketLimits): Promise<BudgetCharge> {
    const ratePerMs = refill / windowMs;
    this.fullAfterMs = Math.max(this.fullAfterMs, capacity / ratePerMs);
    const refilled = `LEAST($3::float8, b.level + EXTRACT(EPOCH FROM (now() - b.at)) * 1000 * $4::float8)`;
    const rows: { level: number; last_ok: boolean }[] = await this.dataSource.query(
      `INSERT INTO rate_limit_bucket AS b (key, level, at, last_ok)
       VALUES ($1, CASE WHEN $2::float8 <= $3::float8 THEN $3::float8 - $2::float8 ELSE $3::float8 END, now(), $2::float8 <= $3::float8)
       ON CONFLICT (key) DO UPDATE SET
         level = CASE WHEN $2::float8 <= ${refilled} THEN ${refilled} - $2::float8 ELSE ${refilled} END,
         at = now(),
         last_ok = $2::float8 <= ${refilled}
       RETURNING level, last_ok`,
      [key, cost, capacity, ratePerMs],
    );
    if ((this.charges += 1) % PURGE_EVERY === 0) await this.purgeFull();
    const { level, last_ok: ok } = rows[0];
    return ok ? { ok: true, remaining: Number(level) } : { ok: false, retryAfterMs: Math.ceil((cost - Number(level)) / ratePerMs) };
  }

  /** Rows untouched long enough to be full again are dropped: the table stays as small as the active clients. */
  async purgeFull(): Promise<number> {
    // TypeORM answers a DELETE with [rows, count].
    const [, count]: [unknown[], number] = await this.dataSource.query(`DELETE FROM rate_limit_bucket WHERE at < now() - make_interval(secs => $1::float8)`, [Math.ceil(this.fullAfterMs / 1000)]);
    return count;
  }
}
