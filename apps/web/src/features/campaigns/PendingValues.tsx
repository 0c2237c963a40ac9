import { Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { formatDate } from '@pilote/ui';
import { useTranslation } from 'react-i18next';
import { RouterLink } from '../../layout/RouterLink';
import { TableScroll } from '../tables/TableScroll';
import { entryHref, type PendingCell } from './campaignApi';

/** Which value is missing where: one row per territory × indicator not yet published, with a link to enter it. */
export function PendingValues({ cells, total, canEnter }: { cells: PendingCell[]; total: number; canEnter: boolean }) {
  const { t, i18n } = useTranslation('core');
  const caption = t('campaign.pending.caption', { count: total });
  if (total === 0) return <Typography>{t('campaign.pending.none')}</Typography>;
  return (
    <>
      <TableScroll label={caption}>
        <Table size="small">
          <caption>{caption}</caption>
          <TableHead>
            <TableRow>
              <TableCell component="th" scope="col">{t('campaign.pending.territory')}</TableCell>
              <TableCell component="th" scope="col">{t('campaign.pending.indicator')}</TableCell>
              <TableCell component="th" scope="col">{t('campaign.pending.status')}</TableCell>
              <TableCell component="th" scope="col">{t('campaign.pending.lastDate')}</TableCell>
              {canEnter && <TableCell component="th" scope="col">{t('campaign.pending.action')}</TableCell>}
            </TableRow>
          </TableHead>
          <TableBody>
            {cells.map((cell) => (
              <TableRow key={`${cell.territoryCode}:${cell.indicatorId}`}>
                <TableCell component="th" scope="row">{cell.territoryName}</TableCell>
                <TableCell>{cell.indicatorName}<Typography variant="body2" color="text.secondary" component="span" sx={{ display: 'block' }}>{cell.policyName}</Typography></TableCell>
                <TableCell>
                  {t(`campaign.pending.states.${cell.status}`)}
                  {cell.late && <Chip sx={{ ml: 1 }} size="small" color="error" label={t('campaign.columns.late')} />}
                </TableCell>
                <TableCell>{cell.lastDate ? formatDate(cell.lastDate, i18n.language) : t('campaign.pending.never')}</TableCell>
                {canEnter && (
                  <TableCell>
                    <RouterLink to={entryHref(cell)} aria-label={t('campaign.pending.enterLabel', { indicator: cell.indicatorName, territory: cell.territoryName })}>
                      {t('campaign.pending.enter')}
                    </RouterLink>
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableScroll>
      {total > cells.length && <Typography color="text.secondary">{t('campaign.pending.more', { shown: cells.length, total })}</Typography>}
    </>
  );
}
