import { Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { formatRate } from '@pilote/ui';
import { useTranslation } from 'react-i18next';
import { RouterLink } from '../../layout/RouterLink';
import { TableScroll } from '../tables/TableScroll';
import type { BoardRowFieldsFragment as BoardRow } from '../../api/generated/graphql';

const COLUMNS = ['expected', 'published', 'awaiting', 'missing', 'late', 'stale'] as const;

/** Completeness rows (least complete first), one per territory or per policy; scrolls inside its box on phones. */
export function BoardTable({ rows, caption, link }: { rows: BoardRow[]; caption: string; link?: (row: BoardRow) => string }) {
  const { t, i18n } = useTranslation('core');
  return (
    <TableScroll label={caption}>
      <Table size="small">
        <caption>{caption}</caption>
        <TableHead>
          <TableRow>
            <TableCell component="th" scope="col">{t('campaign.columns.name')}</TableCell>
            {COLUMNS.map((c) => <TableCell key={c} component="th" scope="col" align="right">{t(`campaign.columns.${c}`)}</TableCell>)}
            <TableCell component="th" scope="col" align="right">{t('campaign.columns.completeness')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.key}>
              <TableCell component="th" scope="row">{link ? <RouterLink to={link(row)}>{row.name}</RouterLink> : row.name}</TableCell>
              {COLUMNS.map((c) => <TableCell key={c} align="right" sx={c === 'late' && row.late > 0 ? { color: 'error.main', fontWeight: 700 } : undefined}>{row[c]}</TableCell>)}
              <TableCell align="right">{formatRate(row.completeness, i18n.language)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableScroll>
  );
}
