import type { DataFrame } from '@pilote/module-sdk';

/**
 * Frames read in the last `ttlMs`, at most `size` of them: a page view does not re-read a file.
 * `drop` forgets the frames of some panels (their connector's settings changed).
 */
export class FrameCache {
  private readonly entries = new Map<string, { at: number; frame: Promise<DataFrame> }>();

  constructor(private readonly ttlMs: number, private readonly size: number) {}

  get(key: string, read: () => Promise<DataFrame>): Promise<DataFrame> {
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && now - hit.at < this.ttlMs) return hit.frame;
    const frame = read();
    this.entries.delete(key);
    this.entries.set(key, { at: now, frame });
    // A failed read is not kept: the next view tries again.
    frame.catch(() => this.entries.delete(key));
    if (this.entries.size > this.size) this.entries.delete(this.entries.keys().next().value as string);
    return frame;
  }

  drop(matches: (key: string) => boolean): void {
    for (const key of [...this.entries.keys()]) if (matches(key)) this.entries.delete(key);
  }
}
