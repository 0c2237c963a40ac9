import type { Territory } from '../api/types';
import { useTerritory } from '../api/useTerritory';
import { scopeTerritoryCode } from './scopeTerritory';
import { useSession } from './SessionContext';

/**
 * Where a user bound to one territory lands (see scopeTerritoryCode): `ready` once the session
 * (and that territory's level) is known, `territory` null for everyone else.
 */
export function useScopeTerritory(): { ready: boolean; territory: Territory | null } {
  const { info, loaded } = useSession();
  const code = info?.authenticated ? scopeTerritoryCode(info.assignments) : null;
  const { territory, loading } = useTerritory(code);
  return { ready: loaded && !loading, territory: code ? (territory ?? null) : null };
}
