import { createHash } from 'node:crypto';

export interface ReleaseNote {
  /** `<source>:<version>:<hash of the text>`: a section whose text changes is a new note. */
  id: string;
  source: 'kit' | 'instance';
  /** The section's heading, e.g. `0.1.0 — unreleased`. */
  version: string;
  /** The section's Markdown, without its heading. */
  body: string;
}

/**
 * The `## ` sections of a CHANGELOG.md (Changesets and Keep a Changelog both write one per
 * version, newest first); the text before the first section (title, preamble) is left out.
 */
export function parseChangelog(text: string, source: ReleaseNote['source']): ReleaseNote[] {
  const notes: ReleaseNote[] = [];
  let current: { version: string; lines: string[] } | null = null;
  const flush = () => {
    if (!current) return;
    const body = current.lines.join('\n').trim();
    if (body) notes.push({ id: `${source}:${current.version}:${createHash('sha256').update(body).digest('hex').slice(0, 12)}`, source, version: current.version, body });
  };
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    const heading = /^##\s+(.+?)\s*$/.exec(line);
    if (heading && !line.startsWith('###')) {
      flush();
      current = { version: heading[1].replace(/^\[(.+?)\](\(.*\))?/, '$1'), lines: [] };
    } else if (current) current.lines.push(line);
  }
  flush();
  return notes;
}
