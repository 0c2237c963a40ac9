/**
 * A tiny Markdown subset, parsed to a tree that React renders as elements: raw HTML in the input
 * stays text, so an article can never inject markup or scripts. Supported: headings, paragraphs,
 * bullet and numbered lists, links (http, https, mailto, relative), **bold**, *italic*, `code`,
 * and fenced code blocks.
 */
export type Inline =
  | { type: 'text'; text: string }
  | { type: 'strong' | 'em'; children: Inline[] }
  | { type: 'code'; text: string }
  | { type: 'link'; href: string; children: Inline[] };

export type Block =
  | { type: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; children: Inline[] }
  | { type: 'paragraph'; children: Inline[] }
  | { type: 'list'; ordered: boolean; items: Inline[][] }
  | { type: 'codeBlock'; text: string };

const HEADING = /^(#{1,6})\s+(.*)$/;
const BULLET = /^\s*[-*+]\s+(.*)$/;
const NUMBERED = /^\s*\d+[.)]\s+(.*)$/;
const FENCE = /^```/;

export function parseMarkdown(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length) blocks.push({ type: 'paragraph', children: parseInline(paragraph.join(' ')) });
    paragraph = [];
  };
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i];
    if (FENCE.test(line.trim())) {
      flush();
      const code: string[] = [];
      for (i += 1; i < lines.length && !FENCE.test(lines[i].trim()); i += 1) code.push(lines[i]);
      blocks.push({ type: 'codeBlock', text: code.join('\n') });
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      flush();
      blocks.push({ type: 'heading', level: heading[1].length as 1, children: parseInline(heading[2].trim()) });
      continue;
    }
    const bullet = BULLET.exec(line);
    const numbered = NUMBERED.exec(line);
    if (bullet || numbered) {
      flush();
      const ordered = Boolean(numbered);
      const pattern = ordered ? NUMBERED : BULLET;
      const items: Inline[][] = [];
      for (; i < lines.length && pattern.test(lines[i]); i += 1) items.push(parseInline((pattern.exec(lines[i]) as RegExpExecArray)[1]));
      i -= 1;
      blocks.push({ type: 'list', ordered, items });
      continue;
    }
    if (!line.trim()) flush();
    else paragraph.push(line.trim());
  }
  flush();
  return blocks;
}

const SAFE_HREF = /^(https?:\/\/|mailto:|\/|#|\.{0,2}\/?[a-z0-9-]+($|[/?#]))/i;

/** Only web, mail and relative links; anything else (javascript:, data:) becomes plain text. */
export function isSafeHref(href: string): boolean {
  return SAFE_HREF.test(href.trim()) && !/^\s*(javascript|data|vbscript):/i.test(href);
}

export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let buffer = '';
  const push = (node: Inline) => {
    if (buffer) out.push({ type: 'text', text: buffer });
    buffer = '';
    out.push(node);
  };
  for (let i = 0; i < text.length; ) {
    const rest = text.slice(i);
    const code = /^`([^`]+)`/.exec(rest);
    if (code) {
      push({ type: 'code', text: code[1] });
      i += code[0].length;
      continue;
    }
    const link = /^\[([^\]]+)\]\(([^)\s]+)\)/.exec(rest);
    if (link) {
      if (isSafeHref(link[2])) push({ type: 'link', href: link[2], children: parseInline(link[1]) });
      else buffer += link[1];
      i += link[0].length;
      continue;
    }
    const strong = /^(\*\*|__)(.+?)\1/.exec(rest);
    if (strong) {
      push({ type: 'strong', children: parseInline(strong[2]) });
      i += strong[0].length;
      continue;
    }
    const em = /^(\*|_)([^*_]+?)\1/.exec(rest);
    if (em && !/\w/.test(text[i - 1] ?? '')) {
      push({ type: 'em', children: parseInline(em[2]) });
      i += em[0].length;
      continue;
    }
    buffer += text[i];
    i += 1;
  }
  if (buffer) out.push({ type: 'text', text: buffer });
  return out;
}
