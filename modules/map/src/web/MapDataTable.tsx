import { formatNumber } from '@pilote/module-sdk/web';
import { useTranslation } from 'react-i18next';

// A button that reads like the table's other links: it changes the territory shown.
const linkLike = { background: 'none', border: 0, padding: 0, font: 'inherit', color: 'inherit', textDecoration: 'underline', cursor: 'pointer' } as const;

export interface MapRow {
  code: string;
  name: string;
  value: number | null;
}

/** The map's numbers as a table, the text alternative of the drawing (open when nothing is drawn). */
export function MapDataTable({ rows, caption, unit, open, onSelect }: { rows: MapRow[]; caption: string; unit?: string; open: boolean; onSelect?: (code: string) => void }) {
  const { t, i18n } = useTranslation('map');
  return (
    <details open={open}>
      <summary>{t('table.show')}</summary>
      {/* Focusable so that keyboard users can scroll a long table; with onSelect, each name is a button (the keyboard way to pick an area). */}
      <div role="region" aria-label={caption} tabIndex={0} style={{ maxHeight: 360, overflow: 'auto' }}>
        <table>
          <caption style={{ textAlign: 'left' }}>{caption}</caption>
          <thead><tr><th scope="col">{t('table.territory')}</th><th scope="col">{unit || t('table.value')}</th></tr></thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.code}><th scope="row" style={{ textAlign: 'left', fontWeight: 'normal' }}>{onSelect ? <button type="button" style={linkLike} onClick={() => onSelect(row.code)} aria-label={t('table.select', { name: row.name })}>{row.name}</button> : row.name}</th><td style={{ textAlign: 'right' }}>{row.value === null ? t('noData') : formatNumber(row.value, i18n.language)}</td></tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
