import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { HelpArticle } from '../common/help-article';
import { parseHelpFile } from './parse-help-file';

/** Every `*.md` of the folder; a file with problems is skipped and its problems returned. */
export function readHelpFolder(folder: string): { articles: HelpArticle[]; problems: string[] } {
  if (!existsSync(folder)) return { articles: [], problems: [] };
  const articles: HelpArticle[] = [];
  const problems: string[] = [];
  for (const name of readdirSync(folder).filter((file) => file.toLowerCase().endsWith('.md')).sort()) {
    const result = parseHelpFile(name, readFileSync(path.join(folder, name), 'utf8'));
    if (result.ok) articles.push(result.article);
    else problems.push(...result.problems);
  }
  return { articles, problems };
}
