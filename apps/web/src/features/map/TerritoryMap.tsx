import { Box, Typography } from '@mui/material';
import { LoadingState } from '@pilote/ui';
import { lazy, Suspense, useMemo } from 'react';
import type { TerritoryRate } from '../../api/types';
import { useTerritories } from '../../api/useTerritories';
import { useInstance } from '../../instance/InstanceContext';
import { MapTable } from './MapTable';
import { departmentSvgId } from './territoryCode';

const FranceMap = lazy(() => import('./FranceMap'));

/** The mapped level just below `level` (régions → départements), whose territories the SVG draws. */
function useDrawnLevel(level: string | undefined): string | undefined {
  const instance = useInstance();
  return useMemo(() => {
    const levels = [...instance.levels].filter((l) => !l.perimeter).sort((a, b) => a.rank - b.rank);
    const rank = levels.findIndex((l) => l.id === level);
    return rank < 0 ? undefined : levels.slice(rank + 1).find((l) => l.hasMap)?.id;
  }, [instance.levels, level]);
}

/**
 * Map of a set of territory rates: départements directly, or any level above them (régions…)
 * coloured through the départements they contain.
 */
export function TerritoryMap({ values, title, selectedCode, onSelect }: { values: TerritoryRate[]; title: string; selectedCode?: string; onSelect?: (code: string) => void }) {
  const direct = values.length > 0 && values.every((v) => departmentSvgId(v.code) !== null);
  const drawnLevel = useDrawnLevel(direct ? undefined : values[0]?.level);
  const departments = useTerritories({ level: drawnLevel, first: 500 }, { skip: direct || !drawnLevel });
  const owners = useMemo(() => {
    const pairs: [string | null, string][] = direct
      ? values.map((v) => [departmentSvgId(v.code), v.code])
      : departments.nodes.map((d) => [departmentSvgId(d.code), d.parentCode ?? '']);
    return Object.fromEntries(pairs.filter((p): p is [string, string] => p[0] !== null));
  }, [direct, values, departments.nodes]);
  if (values.length === 0) return null;
  // Without geometry for this level (EPCI, communes…), the table is the whole map.
  const drawable = direct || Boolean(drawnLevel);
  return (
    <Box>
      {drawable ? (
        <Suspense fallback={<LoadingState />}>
          <FranceMap values={values} departmentOwner={owners} title={title} selectedCode={selectedCode} onSelect={onSelect} />
        </Suspense>
      ) : <Typography component="h2" variant="h4" gutterBottom>{title}</Typography>}
      <MapTable values={values} caption={title} open={!drawable} />
    </Box>
  );
}
