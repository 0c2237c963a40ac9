import { Box } from '@mui/material';
import { LoadingState } from '@pilote/ui';
import { lazy, Suspense } from 'react';
import { TERRITORIES_QUERY } from '../../api/queries';
import type { Territory, TerritoryRate } from '../../api/types';
import { useQuery } from '../../api/useQuery';
import { MapTable } from './MapTable';

const FranceMap = lazy(() => import('./FranceMap'));

const DEPT_LEVEL = 'DEPT';

/**
 * Map of a set of territory rates: départements directly, or any level above them (régions…)
 * coloured through the départements they contain.
 */
export function TerritoryMap({ values, title, selectedCode, onSelect }: { values: TerritoryRate[]; title: string; selectedCode?: string; onSelect?: (code: string) => void }) {
  const level = values[0]?.level;
  const needsOwners = Boolean(level) && level !== DEPT_LEVEL;
  const { data } = useQuery<{ territories: { nodes: Territory[] } }>(TERRITORIES_QUERY, { level: DEPT_LEVEL, first: 200 }, { skip: !needsOwners });
  const owners = needsOwners && data ? Object.fromEntries(data.territories.nodes.map((d) => [d.code, d.parentCode ?? ''])) : undefined;
  if (values.length === 0) return null;
  return (
    <Box>
      <Suspense fallback={<LoadingState />}>
        <FranceMap values={values} departmentOwner={owners} title={title} selectedCode={selectedCode} onSelect={onSelect} />
      </Suspense>
      <MapTable values={values} caption={title} />
    </Box>
  );
}
