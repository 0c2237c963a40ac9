import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

interface ManifestChunk {
  file: string;
  imports?: string[];
  css?: string[];
}

/** The home page's module in the web app's sources: the route most visits start on. */
export const HOME_PAGE_SOURCE = 'src/pages/HomePage.tsx';

/**
 * The built files a lazy page needs (its chunk and the chunks it imports, from vite's manifest), as
 * paths from the web root. Announced in the first HTML, they download while the entry script runs
 * instead of after it has asked for the page. Empty when the build has no manifest or no such page.
 */
export function preloadsOf(webRoot: string, source: string): string[] {
  const manifestFile = path.join(webRoot, '.vite/manifest.json');
  if (!existsSync(manifestFile)) return [];
  let manifest: Record<string, ManifestChunk>;
  try {
    manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, ManifestChunk>;
  } catch {
    return [];
  }
  const files: string[] = [];
  const seen = new Set<string>(['index.html']); // the entry's own imports are in index.html already
  const visit = (key: string) => {
    if (seen.has(key) || !manifest[key]) return;
    seen.add(key);
    files.push(`/${manifest[key].file}`);
    for (const imported of manifest[key].imports ?? []) visit(imported);
  };
  visit(source);
  return files.filter((file) => file.endsWith('.js'));
}
