import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { Markdown } from './Markdown';
import { isSafeHref, parseMarkdown } from './parse-markdown';

const html = (source: string) => renderToStaticMarkup(<MemoryRouter><Markdown source={source} /></MemoryRouter>);

describe('safe Markdown subset', () => {
  it('parses headings, paragraphs, lists and inline marks', () => {
    expect(parseMarkdown('# Titre\n\nUn **gras** et *italique*,\nsuite.\n\n- a\n- [b](/help/b)\n\n1. un\n2. deux')).toEqual([
      { type: 'heading', level: 1, children: [{ type: 'text', text: 'Titre' }] },
      { type: 'paragraph', children: [{ type: 'text', text: 'Un ' }, { type: 'strong', children: [{ type: 'text', text: 'gras' }] }, { type: 'text', text: ' et ' }, { type: 'em', children: [{ type: 'text', text: 'italique' }] }, { type: 'text', text: ', suite.' }] },
      { type: 'list', ordered: false, items: [[{ type: 'text', text: 'a' }], [{ type: 'link', href: '/help/b', children: [{ type: 'text', text: 'b' }] }]] },
      { type: 'list', ordered: true, items: [[{ type: 'text', text: 'un' }], [{ type: 'text', text: 'deux' }]] },
    ]);
  });

  it('renders elements, shifting headings below the page title', () => {
    const out = html('# Calcul\n\nVoir `taux` et [le guide](https://example.org).');
    expect(out).toContain('<h2');
    expect(out).toContain('<code>taux</code>');
    expect(out).toMatch(/<a [^>]*href="https:\/\/example.org"[^>]*>le guide<\/a>/);
  });

  it('never lets an article inject markup or script links', () => {
    const out = html('<script>alert(1)</script> <img src=x onerror=alert(2)> [clic](javascript:alert(3))\n\n```\n<b>code</b>\n```');
    expect(out).not.toMatch(/<script|<img|javascript:|<b>/);
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(out).toContain('clic');
    expect(out).toContain('&lt;b&gt;code&lt;/b&gt;');
    expect(isSafeHref('JavaScript:alert(1)')).toBe(false);
    expect(isSafeHref('data:text/html,x')).toBe(false);
    expect(isSafeHref('mailto:aide@example.org')).toBe(true);
  });
});
