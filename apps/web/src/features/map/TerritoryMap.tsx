import { Box, Typography } from '@mui/material';
import { type DataFrame, Visualise } from '@pilote/module-sdk/web';
import { LoadingState } from '@pilote/ui';
import { lazy, Suspense, useMemo } from 'react';
import type { TerritoryRate } from '../../api/types';
import { useTerritories } from '../../api/useTerritories';
import { useInstance } from '../../instance/InstanceContext';
import { MapTable } from './MapTable';
import { departmentSvgId, isRegionCode } from './territoryCode';

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

/** The rates as a frame for a visualisation module (`map.areas` draws EPCI, communes… from the instance's geometry). */
function toFrame(values: TerritoryRate[]): DataFrame {
  return {
    fields: [
      { name: 'code', type: 'territory', values: values.map((v) => v.code) },
      { name: 'name', type: 'string', values: values.map((v) => v.name) },
      { name: 'rate', type: 'number', unit: '%', values: values.map((v) => v.value) },
    ],
    meta: { territoryLevel: values[0]?.level },
  };
}

/**
 * Map of a set of territory rates: départements directly, or régions coloured through the
 * départements they contain; any other level (EPCI, communes…) is drawn by the map module from the
 * instance's geometry files, or, without it, shown as a table.
 */
export function TerritoryMap({ values, title, selectedCode, onSelect, withTable = true }: {
  values: TerritoryRate[]; title: string; selectedCode?: string; onSelect?: (code: string) => void;
  /** false when the page shows the same values in its own table next to the map (the indicator page). */
  withTable?: boolean;
}) {
  const direct = values.length > 0 && values.every((v) => departmentSvgId(v.code) !== null);
  const throughDepartments = !direct && values.length > 0 && values.every((v) => isRegionCode(v.code));
  const drawnLevel = useDrawnLevel(throughDepartments ? values[0]?.level : undefined);
  const departments = useTerritories({ level: drawnLevel, first: 500 }, { skip: !throughDepartments || !drawnLevel });
  const owners = useMemo(() => {
    const pairs: [string | null, string][] = direct
      ? values.map((v) => [departmentSvgId(v.code), v.code])
      : departments.nodes.map((d) => [departmentSvgId(d.code), d.parentCode ?? '']);
    return Object.fromEntries(pairs.filter((p): p is [string, string] => p[0] !== null));
  }, [direct, values, departments.nodes]);
  const frame = useMemo(() => toFrame(values), [values]);
  if (values.length === 0) return null;
  if (direct || (throughDepartments && drawnLevel)) {
    return (
      <Box>
        <Suspense fallback={<LoadingState />}>
          <FranceMap values={values} departmentOwner={owners} title={title} selectedCode={selectedCode} onSelect={onSelect} />
        </Suspense>
        {withTable && <MapTable values={values} caption={title} />}
      </Box>
    );
  }
  // The map module brings its own table; without the module, the table is the whole map.
  return (
    <Box>
      <Typography component="h2" variant="h4" gutterBottom>{title}</Typography>
      <Suspense fallback={<LoadingState />}>
        <Visualise frame={frame} title={title} use="map.areas" onSelect={onSelect} fallback={<MapTable values={values} caption={title} open />} />
      </Suspense>
    </Box>
  );
}
