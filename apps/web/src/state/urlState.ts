export type UrlValue = string | string[] | boolean | number | null | undefined;
export type UrlPatch = Record<string, UrlValue>;

/** Params carried over to every internal link, so a shared link keeps its context. */
export const STICKY_PARAMS = ['lang'] as const;

/** Applies a patch to search params: empty values (null, '', [], false) remove the key; lists are comma-joined. */
export function applyPatch(current: URLSearchParams, patch: UrlPatch): URLSearchParams {
  const next = new URLSearchParams(current);
  for (const [key, value] of Object.entries(patch)) {
    if (value === null || value === undefined || value === '' || value === false || (Array.isArray(value) && value.length === 0)) next.delete(key);
    else if (Array.isArray(value)) next.set(key, value.join(','));
    else if (value === true) next.set(key, '1');
    else next.set(key, String(value));
  }
  next.sort();
  return next;
}

export function readList(params: URLSearchParams, key: string): string[] {
  const raw = params.get(key);
  return raw ? raw.split(',').map((s) => s.trim()).filter(Boolean) : [];
}

export function readBool(params: URLSearchParams, key: string): boolean {
  const raw = params.get(key);
  return raw === '1' || raw === 'true';
}

/** Internal link that keeps sticky params (language) and adds its own. */
export function buildHref(path: string, current: URLSearchParams, params: UrlPatch = {}): string {
  const base = new URLSearchParams();
  for (const key of STICKY_PARAMS) {
    const value = current.get(key);
    if (value) base.set(key, value);
  }
  const query = applyPatch(base, params).toString();
  return query ? `${path}?${query}` : path;
}
