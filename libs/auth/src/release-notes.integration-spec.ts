import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type AuthTestApp, startAuthTestApp } from './testing/auth-test-app';
import { graphql } from './testing/graphql-client';
import { createTestIdentities, type TestIdentity, type TestIdentityName } from './testing/identities';

// "Nouveautés" (issue 21): the instance's and the kit's CHANGELOG.md sections, with an unread count
// per user that marking seen clears, and that a changed section raises again.
const NOTES = `{ releaseNotes { id source version body seen } unreadReleaseNoteCount }`;
const MARK = `mutation { markReleaseNotesSeen }`;

describe('release notes with an unread badge per user', () => {
  let api: AuthTestApp;
  let who: Record<TestIdentityName, TestIdentity>;
  let dir: string;
  type Notes = { releaseNotes: { id: string; source: string; version: string; body: string; seen: boolean }[]; unreadReleaseNoteCount: number };

  beforeAll(async () => {
    api = await startAuthTestApp();
    who = await createTestIdentities(api.context.dataSource.manager);
    dir = mkdtempSync(path.join(os.tmpdir(), 'pilote-notes-'));
    writeFileSync(path.join(dir, 'CHANGELOG.md'), '# Notre instance\n\n## 2026-12\n- Nouveaux indicateurs de la région\n');
    api.context.instance.directory = dir;
  });
  afterAll(async () => {
    await api?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const as = (name: TestIdentityName, query: string) => graphql<Notes & { markReleaseNotesSeen: number }>(api.url, query, {}, who[name].headers);

  it('lists the instance\'s notes then the kit\'s, unread until the user marks them seen', async () => {
    const first = (await as('reader', NOTES)).data!;
    expect(first.releaseNotes[0]).toMatchObject({ source: 'instance', version: '2026-12', body: '- Nouveaux indicateurs de la région', seen: false });
    expect(first.releaseNotes.some((note) => note.source === 'kit')).toBe(true);
    expect(first.unreadReleaseNoteCount).toBe(first.releaseNotes.length);

    expect((await as('reader', MARK)).data!.markReleaseNotesSeen).toBe(first.releaseNotes.length);
    const after = (await as('reader', NOTES)).data!;
    expect(after.unreadReleaseNoteCount).toBe(0);
    expect(after.releaseNotes.every((note) => note.seen)).toBe(true);
    // Someone else has still seen nothing.
    expect((await as('admin', NOTES)).data!.unreadReleaseNoteCount).toBe(first.releaseNotes.length);

    // The instance's section grows: it is news again, the kit's stay seen.
    writeFileSync(path.join(dir, 'CHANGELOG.md'), '# Notre instance\n\n## 2026-12\n- Nouveaux indicateurs de la région\n- Carte des communes\n');
    const grown = (await as('reader', NOTES)).data!;
    expect(grown.unreadReleaseNoteCount).toBe(1);
    expect(grown.releaseNotes.filter((note) => !note.seen).map((note) => note.source)).toEqual(['instance']);
  });

  it('is for signed-in people only', async () => {
    expect((await as('anonymous', NOTES)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await as('anonymous', MARK)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
