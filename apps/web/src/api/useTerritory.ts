import type { Territory } from './types';
import { useQuery } from './useQuery';

const TERRITORY_QUERY = `query TerritoryByCode($code: String!) { territory(code: $code) { code level name parentCode } }`;

/** One territory by its code (its level and name), or undefined while loading or when unknown. */
export function useTerritory(code: string | null | undefined): { territory: Territory | undefined; loading: boolean } {
  const query = useQuery<{ territory: Territory | null }>(TERRITORY_QUERY, { code: code ?? '' }, { skip: !code });
  return { territory: query.data?.territory ?? undefined, loading: Boolean(code) && query.loading };
}
