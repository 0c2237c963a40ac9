// Own chunk (lazy-loaded), like the other charts: nivo stays out of the other routes.
import { ResponsiveLine, type LineSeries } from '@nivo/line';
import { createNivoTheme } from '@pilote/theme-engine';
import { formatNumber, useTokens } from '@pilote/ui';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

export interface UsageChartPoint { periodStart: string; label: string; activeUsers: number; views: number }

/** Active accounts per period (the strategy note's chart), with the same figures as a table. */
export function UsageChart({ points, title }: { points: UsageChartPoint[]; title: string }) {
  const tokens = useTokens();
  const { t, i18n } = useTranslation('core');
  const lng = i18n.language;
  const theme = useMemo(() => createNivoTheme(tokens), [tokens]);
  const data = useMemo<LineSeries[]>(() => [{ id: t('usage.activeUsers'), data: points.map((p) => ({ x: p.periodStart, y: p.activeUsers })) }], [points, t]);
  // Few ticks on a phone: one label every few periods.
  const step = Math.max(1, Math.ceil(points.length / 6));
  const ticks = points.filter((_, i) => i % step === 0).map((p) => new Date(`${p.periodStart}T00:00:00Z`));
  const labelOf = new Map(points.map((p) => [p.periodStart, p.label]));
  return (
    <figure style={{ margin: 0 }}>
      <div style={{ height: 280 }}>
        <ResponsiveLine
          role="img"
          ariaLabel={t('chart.alt', { title, count: points.length })}
          data={data}
          theme={theme}
          colors={[tokens.chart.categorical[0]]}
          margin={{ top: 16, right: 24, bottom: 48, left: 48 }}
          xScale={{ type: 'time', format: '%Y-%m-%d', precision: 'day', useUTC: true }}
          xFormat="time:%Y-%m-%d"
          yScale={{ type: 'linear', min: 0, max: 'auto' }}
          axisBottom={{ tickValues: ticks, format: (value: Date) => labelOf.get(value.toISOString().slice(0, 10)) ?? '' }}
          axisLeft={{ tickValues: 5, format: (value: number) => (Number.isInteger(value) ? formatNumber(value, lng, 0) : '') }}
          pointSize={points.length > 40 ? 0 : 5}
          enableArea
          areaOpacity={0.08}
          useMesh
          layers={['grid', 'axes', 'areas', 'lines', 'points', 'mesh']}
        />
      </div>
      <details>
        <summary>{t('chart.showTable')}</summary>
        <table>
          <caption>{title}</caption>
          <thead><tr><th scope="col">{t('usage.period')}</th><th scope="col">{t('usage.activeUsers')}</th><th scope="col">{t('usage.views')}</th></tr></thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.periodStart}><th scope="row">{p.label}</th><td>{formatNumber(p.activeUsers, lng, 0)}</td><td>{formatNumber(p.views, lng, 0)}</td></tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

export default UsageChart;
