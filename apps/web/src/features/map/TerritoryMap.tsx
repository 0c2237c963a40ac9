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
 * The SVG id (INSEE code: 01…95, 2A, 2B, 971…976) of a département territory, whatever prefix the
 * instance uses to keep codes unique across levels ("84" is both a région and a département).
 */
export function departmentSvgId(code: string): string | null {
  const match = /^(?:[A-Za-z]+[-:_])?(\d{2,3}|2[AB])$/.exec(code);
  return match ? match[1] : null;
}

/**
 * Map of a set of territory rates: départements directly, or any level above them (régions…)
 * coloured through the départements they contain.
 */
export function TerritoryMap({ values, title, selectedCode, onSelect }: { values: TerritoryRate[]; title: string; selectedCode?: string; onSelect?: (code: string) => void }) {
  const level = values[0]?.level;
  const needsOwners = Boolean(level) && level !== DEPT_LEVEL;
  const { data } = useQuery<{ territories: { nodes: Territory[] } }>(TERRITORIES_QUERY, { level: DEPT_LEVEL, first: 200 }, { skip: !needsOwners });
  const pairs: [string | null, string][] = needsOwners
    ? (data?.territories.nodes ?? []).map((d) => [departmentSvgId(d.code), d.parentCode ?? ''])
    : values.map((v) => [departmentSvgId(v.code), v.code]);
  const owners = Object.fromEntries(pairs.filter((p): p is [string, string] => p[0] !== null));
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
