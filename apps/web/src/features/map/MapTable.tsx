import { Box, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { formatRate } from '@pilote/ui';
import { useTranslation } from 'react-i18next';
import type { TerritoryRate } from '../../api/types';
import { RouterLink } from '../../layout/RouterLink';
import { useUrlState } from '../../state/useUrlState';
import { compareCodes, displayCode } from './territoryCode';

/** Text alternative to the map: the same values as a table, in a disclosure. */
export function MapTable({ values, caption, open }: { values: TerritoryRate[]; caption: string; open?: boolean }) {
  const { t, i18n } = useTranslation('core');
  const url = useUrlState();
  const sorted = [...values].sort((a, b) => compareCodes(a.code, b.code));
  return (
    <Box component="details" open={open} sx={{ mt: 1 }}>
      <Box component="summary" sx={{ cursor: 'pointer' }}>{t('map.showTable')}</Box>
      <Box sx={{ maxHeight: 360, overflow: 'auto' }}>
        <Table size="small">
          <caption style={{ captionSide: 'top', textAlign: 'left' }}>{caption}</caption>
          <TableHead>
            <TableRow>
              <TableCell component="th" scope="col">{t('map.territory')}</TableCell>
              <TableCell component="th" scope="col" align="right">{t('table.globalRate')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {sorted.map((v) => (
              <TableRow key={v.code}>
                <TableCell component="th" scope="row"><RouterLink to={url.href(`/territories/${encodeURIComponent(v.code)}`)}>{displayCode(v.code)} – {v.name}</RouterLink></TableCell>
                <TableCell align="right">{v.value === null ? t('ui.noData') : formatRate(v.value, i18n.language)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
    </Box>
  );
}
