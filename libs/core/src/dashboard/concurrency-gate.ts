import { availableParallelism } from 'node:os';

/**
 * At most `limit` costly reads computing at once in this process; the others wait their turn
 * (first come, first served) without holding a database connection. Cheap queries never pass
 * here, so a storm of costly reads slows itself, not the users of simple pages (issue 14).
 */
export class ConcurrencyGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly limit: number) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running += 1;
    try {
      return await work();
    } finally {
      // Hand the slot to the next waiter directly, so a newcomer cannot overtake it.
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }

  get queued(): number {
    return this.waiting.length;
  }
}

/**
 * Costly dashboard reads computing at once (PILOTE_HEAVY_READS_AT_ONCE): by default a fifth of
 * the pool (4 of 20 connections), one on the embedded database (its single connection), and never
 * more than the cores but one: these reads are CPU-bound (SQL and JSON), so more of them at once
 * only takes the last core from the simple queries without finishing them sooner.
 */
export function heavyReadsAtOnce(poolSize: number, env: NodeJS.ProcessEnv = process.env, cores = availableParallelism()): number {
  const configured = Number(env.PILOTE_HEAVY_READS_AT_ONCE);
  if (Number.isInteger(configured) && configured > 0) return configured;
  return Math.max(1, Math.min(Math.floor(poolSize / 5), cores - 1));
}
