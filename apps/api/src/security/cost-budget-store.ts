/** What a client may still spend, or how long it must wait. */
export type BudgetCharge = { ok: true; remaining: number } | { ok: false; retryAfterMs: number };

/**
 * Where cost budgets live. The memory store is per replica; a store shared by replicas (issue
 * 16) implements the same call.
 */
export interface CostBudgetStore {
  /** Takes `cost` from `key`'s bucket holding at most `capacity` units, refilled at `refill` per `windowMs`. */
  charge(key: string, cost: number, limits: BucketLimits, now?: number): Promise<BudgetCharge>;
}

export interface BucketLimits {
  /** Most units spent at once (a burst). */
  capacity: number;
  /** Units given back per window. */
  refill: number;
  windowMs: number;
}

const MAX_BUCKETS = 100_000;

/** A token bucket per client in memory: spending is allowed while the bucket holds enough. */
export class MemoryCostBudgetStore implements CostBudgetStore {
  private readonly buckets = new Map<string, { level: number; at: number }>();

  async charge(key: string, cost: number, { capacity, refill, windowMs }: BucketLimits, now = Date.now()): Promise<BudgetCharge> {
    const ratePerMs = refill / windowMs;
    const bucket = this.buckets.get(key) ?? { level: capacity, at: now };
    const level = Math.min(capacity, bucket.level + (now - bucket.at) * ratePerMs);
    if (cost > level) {
      this.buckets.set(key, { level, at: now });
      return { ok: false, retryAfterMs: Math.ceil((cost - level) / ratePerMs) };
    }
    this.buckets.set(key, { level: level - cost, at: now });
    if (this.buckets.size > MAX_BUCKETS) this.forgetFull(capacity, ratePerMs, now);
    return { ok: true, remaining: level - cost };
  }

  /** Buckets refilled to the top are the same as absent ones: drop them so memory stays bounded. */
  private forgetFull(capacity: number, ratePerMs: number, now: number): void {
    for (const [key, bucket] of this.buckets) {
      if (bucket.level + (now - bucket.at) * ratePerMs >= capacity) this.buckets.delete(key);
    }
  }
}
