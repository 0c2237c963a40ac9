import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { EntityManager } from 'typeorm';
import { parseChangelog, type ReleaseNote } from './parse-changelog';

/**
 * The kit's CHANGELOG.md: next to the installed `@pilote/core` package (Changesets writes one per
 * package), or, in the kit's own repository, at its root — the first one found going up from here,
 * never the instance's own.
 */
export function kitChangelogPath(instanceDirectory: string, from = __dirname): string | null {
  let dir = from;
  for (let depth = 0; depth < 5; depth += 1) {
    const file = path.join(dir, 'CHANGELOG.md');
    if (path.resolve(dir) !== path.resolve(instanceDirectory) && existsSync(file)) return file;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return null;
}

/** The instance's notes first (its own news), then the kit's; each source newest first. */
export function readReleaseNotes(instanceDirectory: string, kitChangelog = kitChangelogPath(instanceDirectory)): ReleaseNote[] {
  const read = (file: string | null, source: ReleaseNote['source']) => (file && existsSync(file) ? parseChangelog(readFileSync(file, 'utf8'), source) : []);
  return [...read(path.join(instanceDirectory, 'CHANGELOG.md'), 'instance'), ...read(kitChangelog, 'kit')];
}

export async function seenNoteIds(db: EntityManager, userId: string): Promise<Set<string>> {
  const rows = (await db.query(`SELECT note_id FROM release_note_seen WHERE user_id = $1`, [userId])) as { note_id: string }[];
  return new Set(rows.map((row) => row.note_id));
}

/** Remembers that the user has seen these notes (idempotent); returns how many were new to them. */
export async function markNotesSeen(db: EntityManager, userId: string, noteIds: string[]): Promise<number> {
  if (noteIds.length === 0) return 0;
  const rows = (await db.query(
    `INSERT INTO release_note_seen (user_id, note_id) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING RETURNING 1`,
    [userId, noteIds],
  )) as unknown[];
  return rows.length;
}
