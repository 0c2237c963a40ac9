import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { applyPatch, buildHref, readBool, readList, type UrlPatch } from './urlState';

/** All view state lives in the URL (territory, filters, sort, search, lang): any view is a shareable link. */
export function useUrlState() {
  const [params, setParams] = useSearchParams();
  const set = useCallback(
    (patch: UrlPatch, options: { replace?: boolean } = {}) => setParams((prev) => applyPatch(prev, patch), { replace: options.replace }),
    [setParams],
  );
  return useMemo(
    () => ({
      params,
      get: (key: string) => params.get(key),
      getList: (key: string) => readList(params, key),
      getBool: (key: string) => readBool(params, key),
      set,
      href: (path: string, extra?: UrlPatch) => buildHref(path, params, extra),
    }),
    [params, set],
  );
}
