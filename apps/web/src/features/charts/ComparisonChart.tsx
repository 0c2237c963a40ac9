// Own chunk (lazy-loaded), like IndicatorChart: nivo stays out of the other routes.
import { ResponsiveLine, type LineSeries } from '@nivo/line';
import { createNivoTheme } from '@pilote/theme-engine';
import { formatDate, formatNumber, useTokens } from '@pilote/ui';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

export interface ComparedSeries { code: string; name: string; points: { date: string; value: number }[] }

/** One line per territory compared (their current values over time), with the same values as a table. */
export function ComparisonChart({ series, unit, title }: { series: ComparedSeries[]; unit: string; title: string }) {
  const tokens = useTokens();
  const { t, i18n } = useTranslation('core');
  const lng = i18n.language;
  const theme = useMemo(() => createNivoTheme(tokens), [tokens]);
  // An empty series is left out: nivo would draw it as <path d="null">.
  const data = useMemo<LineSeries[]>(() => series.filter((s) => s.points.length > 0)
    .map((s) => ({ id: s.name, data: [...s.points].sort((a, b) => a.date.localeCompare(b.date)).map((p) => ({ x: p.date, y: p.value })) })), [series]);
  const palette = tokens.chart.categorical;
  const colorOf = new Map(series.map((s, i) => [s.name, palette[i % palette.length]]));
  const count = series.reduce((n, s) => n + s.points.length, 0);
  if (data.length === 0) return <p>{t('chart.noData')}</p>;
  return (
    <figure style={{ margin: 0 }}>
      <div style={{ height: 300 }}>
        <ResponsiveLine
          role="img"
          ariaLabel={t('chart.alt', { title, count })}
          data={data}
          theme={theme}
          colors={(s: { id: string | number }) => colorOf.get(String(s.id)) ?? tokens.colors.textMuted}
          margin={{ top: 16, right: 24, bottom: 64, left: 56 }}
          xScale={{ type: 'time', format: '%Y-%m-%d', precision: 'day', useUTC: true }}
          xFormat="time:%Y-%m-%d"
          yScale={{ type: 'linear', min: 'auto', max: 'auto' }}
          axisBottom={{ format: '%Y', tickValues: 'every 1 year' }}
          axisLeft={{ legend: unit, legendOffset: -48, legendPosition: 'middle' }}
          pointSize={5}
          useMesh
          layers={['grid', 'axes', 'lines', 'points', 'mesh', 'legends']}
          legends={[{ anchor: 'bottom', direction: 'row', translateY: 56, itemWidth: 130, itemHeight: 16, symbolSize: 10 }]}
        />
      </div>
      <details>
        <summary>{t('chart.showTable')}</summary>
        <table>
          <caption>{title}</caption>
          <thead><tr><th scope="col">{t('map.territory')}</th><th scope="col">{t('chart.date')}</th><th scope="col">{t('chart.value')} ({unit})</th></tr></thead>
          <tbody>
            {series.flatMap((s) => [...s.points].sort((a, b) => a.date.localeCompare(b.date)).map((p) => (
              <tr key={`${s.code}-${p.date}`}><th scope="row">{s.name}</th><td>{formatDate(p.date, lng)}</td><td>{formatNumber(p.value, lng)}</td></tr>
            )))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

export default ComparisonChart;
