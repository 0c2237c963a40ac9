import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { formatRate } from '@pilote/ui';
import { useTranslation } from 'react-i18next';
import type { BoardRow } from './entryTypes';

const COLUMNS = ['expected', 'published', 'awaiting', 'missing', 'late', 'stale'] as const;

/** Completeness rows (least complete first), one per territory or per policy. */
export function BoardTable({ rows, caption, link }: { rows: BoardRow[]; caption: string; link?: (row: BoardRow) => string }) {
  const { t, i18n } = useTranslation('core');
  return (
    <Table size="small">
      <caption><Typography component="span" variant="subtitle1">{caption}</Typography></caption>
      <TableHead>
        <TableRow>
          <TableCell>{t('campaign.columns.name')}</TableCell>
          {COLUMNS.map((c) => <TableCell key={c} align="right">{t(`campaign.columns.${c}`)}</TableCell>)}
          <TableCell align="right">{t('campaign.columns.completeness')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.key}>
            <TableCell>{link ? <a href={link(row)}>{row.name} ({row.key})</a> : `${row.name} (${row.key})`}</TableCell>
            {COLUMNS.map((c) => <TableCell key={c} align="right" sx={c === 'late' && row.late > 0 ? { color: 'error.main', fontWeight: 700 } : undefined}>{row[c]}</TableCell>)}
            <TableCell align="right">{formatRate(row.completeness, i18n.language)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
