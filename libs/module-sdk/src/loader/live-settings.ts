import type { LiveSettings, SettingsListener } from '../server/server-part.types';

/**
 * The effective settings of one module in this process, replaced when an administrator's change
 * (stored in the database, ADR 012) reaches it: at once on the replica that made it, within the
 * poll interval on the others. Listeners run after each change, in order; a listener that throws
 * does not stop the others (`set` resolves with the errors).
 */
export class LiveSettingsCell<Settings = unknown> implements LiveSettings<Settings> {
  private value: Settings;
  private signature: string;
  private readonly listeners = new Set<SettingsListener<Settings>>();
  /** Incremented at each change: a cache may key on it. */
  generation = 0;

  constructor(initial: Settings) {
    this.value = initial;
    this.signature = JSON.stringify(initial) ?? '';
  }

  current(): Settings {
    return this.value;
  }

  onChange(listener: SettingsListener<Settings>): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Replaces the settings; `changed` is false (and no listener runs) when they are the same. */
  async set(next: Settings): Promise<{ changed: boolean; errors: unknown[] }> {
    const signature = JSON.stringify(next) ?? '';
    if (signature === this.signature) return { changed: false, errors: [] };
    const previous = this.value;
    this.value = next;
    this.signature = signature;
    this.generation += 1;
    const errors: unknown[] = [];
    for (const listener of [...this.listeners]) {
      try {
        await listener(next, previous);
      } catch (error) {
        errors.push(error);
      }
    }
    return { changed: true, errors };
  }
}
