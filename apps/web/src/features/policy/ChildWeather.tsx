import { Box, Typography } from '@mui/material';
import { WeatherBadge } from '@pilote/ui';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import type { PolicyAtTerritory } from '../../api/types';
import { localize, useInstance } from '../../instance/InstanceContext';
import { RouterLink } from '../../layout/RouterLink';
import { useUrlState } from '../../state/useUrlState';
import { compareCodes } from '../map/territoryCode';

/** Météo of the policy in each territory below: a list, readable without colour. */
export function ChildWeather({ items, title }: { items: PolicyAtTerritory['childWeather']; title: string }) {
  const { t, i18n } = useTranslation('core');
  const instance = useInstance();
  const url = useUrlState();
  const { pathname } = useLocation();
  const labelOf = (id: string | null) => localize(instance.weatherLevels.find((w) => w.id === (id ?? 'NOT_FILLED'))?.label, i18n.language) || t('policy.noWeather');
  const sorted = [...items].sort((a, b) => compareCodes(a.code, b.code));
  return (
    <Box component="section" aria-label={title}>
      <Typography component="h2" variant="h4" gutterBottom>{title}</Typography>
      <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0, display: 'grid', gap: 0.5, maxHeight: 360, overflowY: 'auto' }}>
        {sorted.map((item) => (
          <Box component="li" key={item.code} sx={{ display: 'flex', justifyContent: 'space-between', gap: 1, alignItems: 'center' }}>
            <RouterLink to={url.href(pathname, { territory: item.code })}>{item.name}</RouterLink>
            <WeatherBadge level={item.level ?? 'NOT_FILLED'} label={labelOf(item.level)} compact />
          </Box>
        ))}
      </Box>
    </Box>
  );
}
