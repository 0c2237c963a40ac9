import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { HELP_PAGES, type HelpArticle } from '../common/help-article';

const frontMatterSchema = z.object({
  title: z.string().min(1, 'a title is required'),
  keywords: z.union([z.array(z.string()), z.string().transform((text) => text.split(',').map((word) => word.trim()).filter(Boolean))]).default([]),
  pages: z.array(z.enum(HELP_PAGES)).default([]),
  locale: z.enum(['fr', 'en']).default('fr'),
  order: z.number().int().default(100),
});

export type ParsedHelpFile = { ok: true; article: HelpArticle } | { ok: false; problems: string[] };

/**
 * Reads one Markdown article: a `---` front-matter block (title, keywords, pages, locale, order)
 * then the body. Problems name the file, the line and the field.
 */
export function parseHelpFile(file: string, source: string): ParsedHelpFile {
  const name = path.basename(file);
  const slug = name.replace(/\.md$/i, '');
  if (!/^[a-z0-9][a-z0-9-]*$/.test(slug)) return { ok: false, problems: [`${name}: the file name must be lower-case letters, digits and dashes (it is the article's address)`] };
  const lines = source.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0]?.trim() !== '---') return { ok: false, problems: [`${name} line 1: expected a front-matter block starting with "---" (title, keywords, pages)`] };
  const end = lines.findIndex((line, index) => index > 0 && line.trim() === '---');
  if (end < 0) return { ok: false, problems: [`${name} line 1: the front-matter block is not closed by a "---" line`] };
  let raw: unknown;
  try {
    raw = parseYaml(lines.slice(1, end).join('\n')) ?? {};
  } catch (error) {
    const linePos = (error as { linePos?: { line: number }[] }).linePos?.[0]?.line;
    return { ok: false, problems: [`${name} line ${linePos ? linePos + 1 : 2}: invalid front-matter: ${(error as Error).message.split('\n')[0]}`] };
  }
  const parsed = frontMatterSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => {
        const field = String(issue.path[0] ?? '');
        const line = lines.slice(1, end).findIndex((text) => text.startsWith(`${field}:`));
        return `${name} line ${line >= 0 ? line + 2 : 1}: ${field || 'front-matter'}: ${issue.message}`;
      }),
    };
  }
  const body = lines.slice(end + 1).join('\n').trim();
  return { ok: true, article: { slug, ...parsed.data, body, excerpt: excerptOf(body) } };
}

/** The first paragraph, without Markdown marks, cut at ~180 characters. */
export function excerptOf(body: string): string {
  const paragraph = body.split(/\n\s*\n/).find((block) => block.trim() && !block.trim().startsWith('#')) ?? '';
  const text = paragraph.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[*_`#>]/g, '').replace(/\s+/g, ' ').trim();
  return text.length > 180 ? `${text.slice(0, 177).replace(/\s+\S*$/, '')}…` : text;
}
