import { ResponsiveBar } from '@nivo/bar';
import { createNivoTheme, findField, formatNumber, useTokens, type VisualisationProps } from '@pilote/module-sdk/web';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { frameToBars } from '../common/to-series';
import { DataTableDetails } from './DataTableDetails';

/** `chart.bar`: one number per category or territory, horizontal bars sorted by value. */
export function BarChart({ frame, title, height }: VisualisationProps) {
  const tokens = useTokens();
  const { t, i18n } = useTranslation('chart');
  const theme = useMemo(() => createNivoTheme(tokens), [tokens]);
  const bars = useMemo(() => frameToBars(frame).sort((a, b) => a.value - b.value), [frame]);
  const unit = findField(frame, 'number')?.unit ?? '';
  if (bars.length === 0) return null;
  return (
    <figure style={{ margin: 0 }}>
      <div style={{ height: height ?? Math.max(160, bars.length * 26 + 40) }} >
        <ResponsiveBar
          role="img"
          ariaLabel={t('alt', { title, count: bars.length })}
          data={bars}
          keys={['value']}
          indexBy="label"
          layout="horizontal"
          theme={theme}
          colors={[tokens.chart.categorical[0]]}
          margin={{ top: 8, right: 24, bottom: 32, left: 160 }}
          axisBottom={{ legend: unit, legendPosition: 'middle', legendOffset: 26 }}
          enableLabel={false}
          valueFormat={(value) => formatNumber(value, i18n.language)}
        />
      </div>
      <DataTableDetails caption={title} headers={['', unit]} rows={bars.map((bar) => [bar.label, formatNumber(bar.value, i18n.language)])} label={t('table.show')} />
    </figure>
  );
}
