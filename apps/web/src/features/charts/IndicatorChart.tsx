// Own chunk (lazy-loaded): nivo and d3 stay out of the home route.
import { ResponsiveLine, type LineSeries } from '@nivo/line';
import { createNivoTheme } from '@pilote/theme-engine';
import { formatDate, formatNumber, useTokens } from '@pilote/ui';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SeriesPoint } from '../../api/types';

export interface IndicatorChartProps {
  points: SeriesPoint[];
  targets: SeriesPoint[];
  unit: string;
  title: string;
}

/**
 * The chart's series: values, targets, and the trajectory from the last value to the final target.
 * An empty series is left out: nivo draws it as <path d="null"> (a new instance has targets before its first value).
 */
export function chartSeries(points: SeriesPoint[], targets: SeriesPoint[], names: { values: string; targets: string; trajectory: string }): LineSeries[] {
  const values = points.filter((p) => p.kind !== 'VC' && p.kind !== 'VC_INTERMEDIATE').sort((a, b) => a.date.localeCompare(b.date));
  const goals = targets.slice().sort((a, b) => a.date.localeCompare(b.date));
  const series: LineSeries[] = [{ id: names.values, data: values.map((p) => ({ x: p.date, y: p.value })) }];
  if (goals.length) series.push({ id: names.targets, data: goals.map((p) => ({ x: p.date, y: p.value })) });
  const last = values[values.length - 1];
  const final = goals[goals.length - 1];
  if (last && final && final.date > last.date) {
    series.push({ id: names.trajectory, data: [{ x: last.date, y: last.value }, { x: final.date, y: final.value }] });
  }
  return series.filter((s) => s.data.length > 0);
}

/** Values over time, targets, and the trajectory needed from the last value to the final target. */
export function IndicatorChart({ points, targets, unit, title }: IndicatorChartProps) {
  const tokens = useTokens();
  const { t, i18n } = useTranslation('core');
  const lng = i18n.language;
  const theme = useMemo(() => createNivoTheme(tokens), [tokens]);
  const data = useMemo(() => chartSeries(points, targets, { values: t('chart.values'), targets: t('chart.targets'), trajectory: t('chart.trajectory') }), [points, targets, t]);
  const colorOf: Record<string, string> = { [t('chart.values')]: tokens.chart.categorical[0], [t('chart.targets')]: tokens.chart.target, [t('chart.trajectory')]: tokens.colors.textMuted };
  const colors = (serie: { id: string | number }) => colorOf[String(serie.id)] ?? tokens.colors.textMuted;
  const hasData = data.some((s) => s.data.length > 0);
  if (!hasData) return <p>{t('chart.noData')}</p>;
  return (
    <figure style={{ margin: 0 }}>
      <div style={{ height: 260 }}>
        <ResponsiveLine
          role="img"
          ariaLabel={t('chart.alt', { title, count: points.length })}
          data={data}
          theme={theme}
          colors={colors}
          margin={{ top: 16, right: 24, bottom: 48, left: 56 }}
          xScale={{ type: 'time', format: '%Y-%m-%d', precision: 'day', useUTC: true }}
          xFormat="time:%Y-%m-%d"
          yScale={{ type: 'linear', min: 'auto', max: 'auto' }}
          axisBottom={{ format: '%Y', tickValues: 'every 1 year' }}
          axisLeft={{ legend: unit, legendOffset: -48, legendPosition: 'middle' }}
          pointSize={6}
          useMesh
          enableSlices={false}
          layers={['grid', 'axes', 'lines', 'points', 'mesh', 'legends']}
          legends={[{ anchor: 'bottom', direction: 'row', translateY: 44, itemWidth: 170, itemHeight: 16, symbolSize: 10 }]}
        />
      </div>
      <details>
        <summary>{t('chart.showTable')}</summary>
        <table>
          <caption>{title}</caption>
          <thead><tr><th scope="col">{t('chart.date')}</th><th scope="col">{t('chart.kind')}</th><th scope="col">{t('chart.value')} ({unit})</th></tr></thead>
          <tbody>
            {[...points, ...targets].sort((a, b) => a.date.localeCompare(b.date)).map((p, i) => (
              <tr key={`${p.kind}-${p.date}-${i}`}><td>{formatDate(p.date, lng)}</td><td>{t(`valueKinds.${p.kind}`, { defaultValue: p.kind })}</td><td>{formatNumber(p.value, lng)}</td></tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

export default IndicatorChart;
