import { Box, Chip, Paper, Typography } from '@mui/material';
import { VisuallyHidden } from '@pilote/ui';
import { useTranslation } from 'react-i18next';
import type { IndicatorAtTerritory } from '../../api/types';
import { RouterLink } from '../../layout/RouterLink';
import { useUrlState } from '../../state/useUrlState';
import { IndicatorMeta } from '../indicator/IndicatorMeta';
import { IndicatorSeriesChart } from '../indicator/IndicatorSeriesChart';
import { IndicatorValues } from '../indicator/IndicatorValues';

/** One indicator of a policy at a territory: values, rates, weight, chart and metadata; its own page has the map and the territories. */
export function IndicatorBlock({ item, territoryCode }: { item: IndicatorAtTerritory; territoryCode: string }) {
  const { t } = useTranslation('core');
  const url = useUrlState();
  const ind = item.indicator;
  const headingId = `indicator-${ind.id}`;
  return (
    <Paper variant="outlined" component="section" aria-labelledby={headingId} sx={{ p: 2, breakInside: 'avoid' }}>
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'center', mb: 1 }}>
        <Typography id={headingId} component="h3" variant="h3" sx={{ flexGrow: 1 }}>{ind.name}</Typography>
        <Chip size="small" label={t(`indicatorTypes.${ind.type}`, { defaultValue: ind.type })} />
        <Chip size="small" variant="outlined" label={t(`direction.${ind.direction}`, { defaultValue: ind.direction })} />
        {item.overdue && <Chip size="small" color="warning" label={t('policy.overdue')} />}
        <RouterLink className="no-print" to={url.href(`/indicators/${encodeURIComponent(ind.id)}`, { territory: territoryCode })}>
          {t('indicatorPage.open')}<VisuallyHidden>{` – ${ind.name}`}</VisuallyHidden>
        </RouterLink>
      </Box>
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: 'minmax(0, 1fr)', md: 'minmax(0, 1fr) minmax(0, 1fr)' } }}>
        <Box sx={{ minWidth: 0 }}>
          <IndicatorValues indicator={ind} territoryCode={territoryCode} data={item} />
        </Box>
        <Box sx={{ minWidth: 0 }}>
          <IndicatorSeriesChart indicator={ind} territoryCode={territoryCode} />
        </Box>
      </Box>
      <IndicatorMeta indicator={ind} nextExpectedUpdate={item.nextExpectedUpdate} />
    </Paper>
  );
}
