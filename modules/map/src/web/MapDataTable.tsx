import { formatNumber } from '@pilote/module-sdk/web';
import { useTranslation } from 'react-i18next';

export interface MapRow {
  code: string;
  name: string;
  value: number | null;
}

/** The map's numbers as a table, the text alternative of the drawing (open when nothing is drawn). */
export function MapDataTable({ rows, caption, unit, open }: { rows: MapRow[]; caption: string; unit?: string; open: boolean }) {
  const { t, i18n } = useTranslation('map');
  return (
    <details open={open}>
      <summary>{t('table.show')}</summary>
      {/* Focusable so that keyboard users can scroll a long table (it has no link inside). */}
      <div role="region" aria-label={caption} tabIndex={0} style={{ maxHeight: 360, overflow: 'auto' }}>
        <table>
          <caption style={{ textAlign: 'left' }}>{caption}</caption>
          <thead><tr><th scope="col">{t('table.territory')}</th><th scope="col">{unit || t('table.value')}</th></tr></thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.code}><th scope="row" style={{ textAlign: 'left', fontWeight: 'normal' }}>{row.name}</th><td style={{ textAlign: 'right' }}>{row.value === null ? t('noData') : formatNumber(row.value, i18n.language)}</td></tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
