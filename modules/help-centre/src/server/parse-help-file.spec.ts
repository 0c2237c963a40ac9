import { excerptOf, parseHelpFile } from './parse-help-file';

describe('parseHelpFile', () => {
  it('reads the front-matter and the body of an article', () => {
    const result = parseHelpFile('help/saisir.md', '---\ntitle: Saisir une valeur\nkeywords: saisie, valeur\npages: [policy]\n---\n# Saisir\n\nOuvrez la fiche puis **saisissez**.\n');
    expect(result).toEqual({
      ok: true,
      article: { slug: 'saisir', title: 'Saisir une valeur', keywords: ['saisie', 'valeur'], pages: ['policy'], locale: 'fr', order: 100, body: '# Saisir\n\nOuvrez la fiche puis **saisissez**.', excerpt: 'Ouvrez la fiche puis saisissez.' },
    });
  });

  it('names the file, the line and the field of each problem', () => {
    const result = parseHelpFile('a.md', '---\nkeywords: [x]\npages: [policy, nowhere]\n---\nBody');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([expect.stringMatching(/^a\.md line 1: title: /), expect.stringMatching(/^a\.md line 3: pages: /)]);
    expect(parseHelpFile('b.md', 'no front matter')).toEqual({ ok: false, problems: [expect.stringContaining('b.md line 1: expected a front-matter block')] });
    expect(parseHelpFile('c.md', '---\ntitle: [unclosed\n---\n')).toEqual({ ok: false, problems: [expect.stringMatching(/^c\.md line \d+: invalid front-matter/)] });
    expect(parseHelpFile('Bad Name.md', '---\ntitle: x\n---\n')).toEqual({ ok: false, problems: [expect.stringContaining('file name must be lower-case')] });
  });

  it('makes a short plain-text excerpt', () => {
    expect(excerptOf('# Title\n\nSee [the guide](https://x) and `code`.')).toBe('See the guide and code.');
    expect(excerptOf('word '.repeat(100)).length).toBeLessThanOrEqual(181);
  });
});
