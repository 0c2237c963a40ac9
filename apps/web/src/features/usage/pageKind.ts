import type { PageKind } from '../../api/generated/graphql';

export interface PageViewReport { kind: PageKind; territoryCode: string | null }

const bySection: [RegExp, PageKind][] = [
  [/^\/$/, 'HOME'],
  [/^\/policies\//, 'POLICY'],
  [/^\/indicators\//, 'INDICATOR'],
  [/^\/compare$/, 'COMPARE'],
  [/^\/entry$/, 'ENTRY'],
  [/^\/campaigns(\/|$)/, 'CAMPAIGNS'],
  [/^\/import$/, 'IMPORT'],
  [/^\/notifications$/, 'NOTIFICATIONS'],
  [/^\/news$/, 'NEWS'],
  [/^\/account\/tokens$/, 'TOKENS'],
  [/^\/account$/, 'ACCOUNT'],
  [/^\/access-requests$/, 'ACCESS_REQUESTS'],
  [/^\/admin(\/|$)/, 'ADMIN'],
  [/^\/public(\/|$)/, 'PUBLIC'],
];

/**
 * What the usage figures count for an address (ADR 045): the kind of page and, when the page is
 * about one territory, its code — never the address itself. Embeds (shown on other sites) and print
 * pages (rendered by the server for PDFs) are not counted.
 */
export function pageViewOf(pathname: string, search: string): PageViewReport | null {
  if (/^\/(embed|print)(\/|$)/.test(pathname)) return null;
  const territoryPage = /^\/territories\/([^/]+)$/.exec(pathname);
  if (territoryPage) return { kind: 'TERRITORY', territoryCode: decodeURIComponent(territoryPage[1]) };
  const kind = bySection.find(([pattern]) => pattern.test(pathname))?.[1] ?? 'OTHER';
  const territory = new URLSearchParams(search).get('territory');
  return { kind, territoryCode: territory && kind !== 'ADMIN' ? territory : null };
}
