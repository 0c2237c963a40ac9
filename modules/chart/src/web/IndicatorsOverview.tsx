import { Box, Typography } from '@mui/material';
import { useModuleQuery, Visualise, type DataFrame, type ZoneWidgetProps } from '@pilote/module-sdk/web';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

const INDICATORS_QUERY = `query ChartIndicators($policyId: ID!, $territoryCode: String!) {
  policyAt(policyId: $policyId, territoryCode: $territoryCode) { indicators { indicator { id name unit } } }
}`;

const SERIES_QUERY = `query ChartSeries($indicatorId: ID!, $territoryCode: String!) {
  indicatorSeries(indicatorId: $indicatorId, territoryCode: $territoryCode) { points { date value kind } }
}`;

interface Indicator { id: string; name: string; unit: string }

/** Policy page: one small line chart per indicator (current values), drawn through the DataFrame contract. */
export function IndicatorsOverview({ context }: ZoneWidgetProps) {
  const { t } = useTranslation('chart');
  const policyId = String(context.policyId ?? '');
  const territoryCode = String(context.territoryCode ?? '');
  const { data } = useModuleQuery<{ policyAt: { indicators: { indicator: Indicator }[] } | null }>(INDICATORS_QUERY, { policyId, territoryCode }, { skip: !policyId || !territoryCode });
  const indicators = (data?.policyAt?.indicators ?? []).slice(0, 4).map((entry) => entry.indicator);
  if (indicators.length === 0) return null;
  return (
    <Box component="section" aria-labelledby="chart-overview" className="no-print" sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 2, bgcolor: 'background.paper' }}>
      <Typography id="chart-overview" component="h2" variant="h5" sx={{ mb: 1 }}>{t('overview.title')}</Typography>
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' } }}>
        {indicators.map((indicator) => <IndicatorSparkline key={indicator.id} indicator={indicator} territoryCode={territoryCode} />)}
      </Box>
    </Box>
  );
}

function IndicatorSparkline({ indicator, territoryCode }: { indicator: Indicator; territoryCode: string }) {
  const { data } = useModuleQuery<{ indicatorSeries: { points: { date: string; value: number; kind: string }[] } }>(SERIES_QUERY, { indicatorId: indicator.id, territoryCode });
  const frame = useMemo<DataFrame>(() => {
    const points = (data?.indicatorSeries.points ?? []).filter((point) => point.kind === 'VA');
    return {
      name: indicator.name,
      fields: [
        { name: 'date', type: 'time', values: points.map((point) => point.date) },
        { name: 'value', type: 'number', unit: indicator.unit, label: indicator.name, values: points.map((point) => point.value) },
      ],
    };
  }, [data, indicator]);
  return (
    <Box>
      <Typography component="h3" variant="subtitle1">{indicator.name}</Typography>
      <Visualise frame={frame} title={indicator.name} use="chart.line" height={180} />
    </Box>
  );
}
