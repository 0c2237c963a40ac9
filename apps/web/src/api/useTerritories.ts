import { TerritoriesDocument } from './generated/graphql';
import type { Territory } from './types';
import { useQuery } from './useQuery';

export interface TerritoriesArgs { level?: string; parentCode?: string; search?: string; first?: number }

/** One page of territories (the API pages with cursors; `first` is at most 500). */
export function useTerritories(args: TerritoriesArgs, options: { skip?: boolean } = {}) {
  const query = useQuery(TerritoriesDocument, { ...args }, options);
  const nodes: Territory[] = query.data?.territories.edges.map((edge) => edge.node) ?? [];
  return { nodes, totalCount: query.data?.territories.totalCount ?? 0, loading: query.loading, error: query.error };
}
