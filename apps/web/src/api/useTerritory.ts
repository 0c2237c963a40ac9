import { TerritoryByCodeDocument } from './generated/graphql';
import type { Territory } from './types';
import { useQuery } from './useQuery';

/** One territory by its code (its level and name), or undefined while loading or when unknown. */
export function useTerritory(code: string | null | undefined): { territory: Territory | undefined; loading: boolean } {
  const query = useQuery(TerritoryByCodeDocument, { code: code ?? '' }, { skip: !code });
  return { territory: query.data?.territory ?? undefined, loading: Boolean(code) && query.loading };
}
