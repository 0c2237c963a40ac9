import { readFileSync } from 'node:fs';
import { type InstanceConfig, localize } from '@pilote/core';

/** What the first HTML needs to say before any script runs: the instance's name and language. */
export interface IndexHtmlFacts {
  title: string;
  lang: string;
}

export function indexHtmlFactsOf(config: Pick<InstanceConfig, 'name' | 'defaultLocale'>): IndexHtmlFacts {
  return { title: localize(config.name, config.defaultLocale), lang: config.defaultLocale };
}

/**
 * The built index.html with the instance's title and language filled in, read once: a browser
 * tab, a bookmark or a screen reader names the page before the app has loaded.
 */
export function renderIndexHtml(indexFile: string, facts: IndexHtmlFacts | undefined): string {
  const html = readFileSync(indexFile, 'utf8');
  if (!facts) return html;
  return html
    .replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(facts.title)}</title>`)
    .replace(/<html lang="[^"]*"/, `<html lang="${escapeHtml(facts.lang)}"`);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
