import { parseChangelog } from './parse-changelog';

describe('parseChangelog', () => {
  const text = ['# Changelog', '', 'Preamble.', '', '## 0.2.0', '', '### Minor Changes', '- Audit page', '', '## [0.1.0](https://x) — 2026-11-01', '- First', '## 0.0.9', ''].join('\r\n');

  it('returns one note per version section, newest first, without the preamble or empty sections', () => {
    const notes = parseChangelog(text, 'kit');
    expect(notes.map((n) => [n.version, n.body])).toEqual([
      ['0.2.0', '### Minor Changes\n- Audit page'],
      ['0.1.0 — 2026-11-01', '- First'],
    ]);
    expect(notes[0].id).toMatch(/^kit:0\.2\.0:[0-9a-f]{12}$/);
  });

  it('gives a section a new id when its text changes (an unreleased section that grows is new again)', () => {
    const before = parseChangelog('## unreleased\n- a', 'instance')[0].id;
    expect(parseChangelog('## unreleased\n- a', 'instance')[0].id).toBe(before);
    expect(parseChangelog('## unreleased\n- a\n- b', 'instance')[0].id).not.toBe(before);
  });
});
