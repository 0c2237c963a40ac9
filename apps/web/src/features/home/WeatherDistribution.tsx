import { Box, Typography } from '@mui/material';
import { useTokens, weatherTone, WeatherBadge } from '@pilote/ui';
import { useTranslation } from 'react-i18next';
import { localize, useInstance } from '../../instance/InstanceContext';

const ORDER = ['SUNNY', 'CLOUDY', 'RAINY', 'STORMY', 'NOT_FILLED', 'NOT_NEEDED'];

/** Stacked bar of weather levels, with the counts written out beside it. */
export function WeatherDistribution({ counts }: { counts: { level: string; count: number }[] }) {
  const { t, i18n } = useTranslation('core');
  const tokens = useTokens();
  const instance = useInstance();
  const total = counts.reduce((s, c) => s + c.count, 0);
  const sorted = [...counts].sort((a, b) => ORDER.indexOf(a.level) - ORDER.indexOf(b.level));
  const labelOf = (id: string) => localize(instance.weatherLevels.find((w) => w.id === id)?.label, i18n.language) || undefined;
  return (
    <Box component="section" aria-labelledby="weather-dist-title">
      <Typography id="weather-dist-title" component="h2" variant="h4" gutterBottom>{t('home.weatherDistribution')}</Typography>
      {total > 0 && (
        <Box aria-hidden="true" sx={{ display: 'flex', height: 16, borderRadius: 1, overflow: 'hidden', border: 1, borderColor: 'divider', mb: 1 }}>
          {sorted.filter((c) => c.count > 0).map((c) => (
            <Box key={c.level} sx={{ width: `${(c.count / total) * 100}%`, bgcolor: tokens.weather[weatherTone[c.level] ?? 'notFilled'] ?? tokens.weather.notFilled }} />
          ))}
        </Box>
      )}
      <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0, display: 'grid', gap: 0.5 }}>
        {sorted.map((c) => (
          <Box component="li" key={c.level} sx={{ display: 'flex', justifyContent: 'space-between', gap: 1, alignItems: 'center' }}>
            <WeatherBadge level={c.level} label={labelOf(c.level)} compact />
            <span>{c.count}</span>
          </Box>
        ))}
      </Box>
    </Box>
  );
}
