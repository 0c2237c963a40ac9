import { findField, formatNumber, LoadingState, useTokens, type VisualisationProps } from '@pilote/module-sdk/web';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { AreaLegend } from './AreaLegend';
import { areaScale } from './area-scale';
import { MapDataTable, type MapRow } from './MapDataTable';
import { useGeometry } from './useGeometry';

function rowsOf(frame: VisualisationProps['frame']): MapRow[] {
  const territory = findField(frame, 'territory');
  const number = findField(frame, 'number');
  const label = frame.fields.find((field) => field.type === 'string');
  return (territory?.values ?? []).flatMap((code, i) => (typeof code === 'string' ? [{ code, name: String(label?.values[i] ?? code), value: (number?.values[i] as number | null | undefined) ?? null }] : []));
}

/**
 * `map.areas`: a territory × number frame of any level whose geometry the instance provides
 * (EPCI, communes…: `frame.meta.territoryLevel`), projected by the server. Legend, hatched
 * "no data" and the same numbers as a table; without geometry, the table alone and a sentence saying why.
 */
export function AreaMap({ frame, title, height = 420, onSelect }: VisualisationProps) {
  const tokens = useTokens();
  const { t, i18n } = useTranslation('map');
  const patternId = `map-nodata-${useId().replace(/:/g, '')}`;
  const rows = useMemo(() => rowsOf(frame), [frame]);
  const codes = useMemo(() => rows.map((row) => row.code), [rows]);
  const level = frame.meta?.territoryLevel;
  const geometry = useGeometry(level, codes);
  const unit = findField(frame, 'number')?.unit;
  const byCode = useMemo(() => new Map(rows.map((row) => [row.code, row])), [rows]);
  const scale = useMemo(() => areaScale(tokens, unit, rows.flatMap((row) => (row.value === null ? [] : [row.value]))), [tokens, unit, rows]);
  if (rows.length === 0) return null;
  if (!geometry) return <LoadingState />;
  const areas = geometry.kind === 'ready' ? geometry.answer.areas.filter((area) => byCode.has(area.code)) : [];
  const table = <MapDataTable rows={rows} caption={title} unit={unit} open={areas.length === 0} onSelect={onSelect} />;
  if (geometry.kind !== 'ready' || areas.length === 0) {
    return (
      <div>
        <p>{geometry.kind === 'error' ? t('geometryError', { message: geometry.message }) : t('noGeometry')}</p>
        {table}
      </div>
    );
  }
  const valueText = (row: MapRow) => (row.value === null ? t('noData') : `${formatNumber(row.value, i18n.language, unit === '%' ? 0 : 2)}${unit ? `\u00a0${unit}` : ''}`);
  const drawn = areas.filter((area) => byCode.get(area.code)?.value !== null).length;
  return (
    <figure style={{ margin: 0 }}>
      <svg viewBox={geometry.answer.viewBox} role="img" aria-label={t('areasAlt', { title, count: drawn, total: rows.length })}
        style={{ width: '100%', maxWidth: 560, maxHeight: height, display: 'block' }}>
        <defs>
          <pattern id={patternId} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" fill={tokens.chart.noData} />
            <line x1="0" y1="0" x2="0" y2="6" stroke={tokens.colors.textMuted} strokeWidth="1.2" />
          </pattern>
        </defs>
        {areas.map((area) => {
          const row = byCode.get(area.code) as MapRow;
          return (
            <path key={area.code} d={area.d} data-code={area.code} fill={row.value === null ? `url(#${patternId})` : scale.colour(row.value)}
              stroke={tokens.colors.background} strokeWidth={0.8} strokeLinejoin="round"
              onClick={onSelect ? () => onSelect(area.code) : undefined} style={onSelect ? { cursor: 'pointer' } : undefined}>
              <title>{`${row.name} : ${valueText(row)}`}</title>
            </path>
          );
        })}
      </svg>
      <AreaLegend scale={scale} unit={unit} patternId={patternId} />
      {areas.length < rows.length && <p style={{ fontSize: '0.85rem', margin: '4px 0' }}>{t('partialGeometry', { count: rows.length - areas.length })}</p>}
      {geometry.answer.note && <p style={{ fontSize: '0.85rem', margin: '4px 0', color: tokens.colors.textMuted }}>{geometry.answer.note}</p>}
      {geometry.answer.credit && <p data-testid="map-credit" style={{ fontSize: '0.85rem', margin: '4px 0', color: tokens.colors.textMuted }}>{t('credit', { credit: geometry.answer.credit })}</p>}
      {table}
    </figure>
  );
}

export default AreaMap;
