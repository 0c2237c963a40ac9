import { Box, Typography } from '@mui/material';
import { useModuleQuery, Visualise, type DataFrame, type ZoneWidgetProps } from '@pilote/module-sdk/web';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

const QUERY = `query MapChildren($territoryCode: String!) { home(territoryCode: $territoryCode) { mapLevel map { code name value } } }`;

/**
 * Territory page: the global rate of the territories below, as a choropleth — régions and
 * départements from the built-in map, other levels (EPCI, communes) from the instance's geometry.
 */
export function TerritoryChildrenMap({ context }: ZoneWidgetProps) {
  const { t } = useTranslation('map');
  const territoryCode = String(context.territoryCode ?? '');
  const { data } = useModuleQuery<{ home: { mapLevel: string | null; map: { code: string; name: string; value: number | null }[] } }>(QUERY, { territoryCode }, { skip: !territoryCode });
  const frame = useMemo<DataFrame>(() => {
    const rows = data?.home.map ?? [];
    return {
      fields: [
        { name: 'code', type: 'territory', values: rows.map((row) => row.code) },
        { name: 'name', type: 'string', values: rows.map((row) => row.name) },
        { name: 'rate', type: 'number', unit: '%', values: rows.map((row) => row.value) },
      ],
      meta: { territoryLevel: data?.home.mapLevel ?? undefined },
    };
  }, [data]);
  const codes = frame.fields[0].values;
  if (codes.length === 0) return null;
  const builtIn = codes.every((code) => /^[DR]/.test(String(code)));
  return (
    <Box component="section" aria-labelledby="map-children" sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 2, bgcolor: 'background.paper' }}>
      <Typography id="map-children" component="h2" variant="h5">{t('widget.title')}</Typography>
      <Visualise frame={frame} title={t('widget.title')} use={builtIn ? 'map.choropleth' : 'map.areas'} />
    </Box>
  );
}
