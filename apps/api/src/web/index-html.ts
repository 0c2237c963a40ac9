import { readFileSync } from 'node:fs';
import { type InstanceConfig, localize } from '@pilote/core';
import { themeColorOf } from './theme-color';

/** What the first HTML needs to say before any script runs: the instance's name, language and colour. */
export interface IndexHtmlFacts {
  title: string;
  lang: string;
  /** `<meta name="theme-color">`: the browser's bar takes the instance's colour before the app loads. */
  themeColor?: string;
  /** The public baromètre is on: its pages announce their oEmbed endpoint (ADR 039). */
  publicSite?: boolean;
}

export function indexHtmlFactsOf(config: Pick<InstanceConfig, 'name' | 'defaultLocale' | 'publicSite' | 'theme'>): IndexHtmlFacts {
  return {
    title: localize(config.name, config.defaultLocale),
    lang: config.defaultLocale,
    themeColor: themeColorOf(config.theme),
    publicSite: config.publicSite.enabled,
  };
}

/** Public and embed pages: `<link rel="alternate" type="application/json+oembed">` for oEmbed consumers (CMS, social sites). */
export function withOembedDiscovery(html: string, pageUrl: string, title: string): string {
  const href = `/api/v1/oembed?format=json&url=${encodeURIComponent(pageUrl)}`;
  const link = `<link rel="alternate" type="application/json+oembed" href="${escapeHtml(href)}" title="${escapeHtml(title)}">`;
  return html.replace('</head>', `${link}</head>`);
}

/** Adds `<link rel="modulepreload">` for these built files (paths from the web root) before `</head>`. */
export function withModulePreloads(html: string, files: string[]): string {
  const links = files.filter((file) => !html.includes(`"${file}"`)).map((file) => `<link rel="modulepreload" crossorigin href="${escapeHtml(file)}">`);
  return links.length ? html.replace('</head>', `${links.join('')}</head>`) : html;
}

/**
 * The built index.html with the instance's title, language and colour filled in, read once: a
 * browser tab, a bookmark or a screen reader names the page before the app has loaded.
 */
export function renderIndexHtml(indexFile: string, facts: IndexHtmlFacts | undefined): string {
  const html = readFileSync(indexFile, 'utf8');
  if (!facts) return html;
  const themeColor = facts.themeColor ? `<meta name="theme-color" content="${escapeHtml(facts.themeColor)}" />` : '';
  return html
    .replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(facts.title)}</title>${themeColor}`)
    .replace(/<html lang="[^"]*"/, `<html lang="${escapeHtml(facts.lang)}"`);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
