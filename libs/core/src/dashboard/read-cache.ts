import type { EntityManager } from 'typeorm';
import { readDataRevision } from './data-revision';

/**
 * Answers of costly reads kept per key (territory, filters, date, the reader's scope) and reused
 * while the data revision is unchanged: never stale, since any committed write to the data they
 * read changes the revision (data-revision.ts). Identical reads running at once share one
 * computation (five aliases of `home` cost one). At most `maxEntries` answers, least recently used
 * first out; 0 turns the cache off.
 */
export class ReadCache<T> {
  private readonly entries = new Map<string, { revision: string; value: Promise<T> }>();

  constructor(private readonly maxEntries: number) {}

  /** `fold: false` where the database is read-only (a replica). */
  async get(db: EntityManager, key: string, compute: () => Promise<T>, options: { fold?: boolean } = {}): Promise<T> {
    if (this.maxEntries <= 0) return compute();
    // Read before computing: a write committed meanwhile makes this entry stale at the next read.
    const revision = await readDataRevision(db, options);
    const hit = this.entries.get(key);
    this.entries.delete(key);
    if (hit && hit.revision === revision) {
      this.entries.set(key, hit);
      return hit.value;
    }
    const entry = { revision, value: compute() };
    this.entries.set(key, entry);
    // A failed read is not kept: the next one tries again.
    entry.value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    return entry.value;
  }

  get size(): number {
    return this.entries.size;
  }
}
