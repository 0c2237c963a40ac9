import { ResponsiveLine } from '@nivo/line';
import { createNivoTheme, findField, formatDate, formatNumber, useTokens, type VisualisationProps } from '@pilote/module-sdk/web';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { frameToLineSeries } from '../common/to-series';
import { DataTableDetails } from './DataTableDetails';

/** `chart.line`: numbers over time. The same data is offered as a table for screen readers and print. */
export function LineChart({ frame, title, height = 220 }: VisualisationProps) {
  const tokens = useTokens();
  const { t, i18n } = useTranslation('chart');
  const theme = useMemo(() => createNivoTheme(tokens), [tokens]);
  const series = useMemo(() => frameToLineSeries(frame), [frame]);
  const unit = findField(frame, 'number')?.unit ?? '';
  const count = series.reduce((sum, s) => sum + s.data.length, 0);
  if (count === 0) return null;
  return (
    <figure style={{ margin: 0 }}>
      <div style={{ height }}>
        <ResponsiveLine
          role="img"
          ariaLabel={t('alt', { title, count })}
          data={series}
          theme={theme}
          colors={tokens.chart.categorical}
          margin={{ top: 12, right: 16, bottom: 36, left: 52 }}
          xScale={{ type: 'time', format: '%Y-%m-%d', precision: 'day', useUTC: true }}
          yScale={{ type: 'linear', min: 'auto', max: 'auto' }}
          axisBottom={{ format: '%Y', tickValues: 'every 1 year' }}
          axisLeft={{ legend: unit, legendOffset: -44, legendPosition: 'middle' }}
          pointSize={4}
          useMesh
        />
      </div>
      <DataTableDetails caption={title} headers={[t('table.date', { defaultValue: 'Date' }), unit || t('table.value', { defaultValue: 'Valeur' })]}
        rows={series[0].data.map((point) => [formatDate(point.x, i18n.language), formatNumber(point.y, i18n.language)])} label={t('table.show')} />
    </figure>
  );
}
