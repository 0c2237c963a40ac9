import { Box, Button, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useUrlState } from '../../state/useUrlState';
import { formatDate } from '@pilote/ui';
import { AsOfDelta } from './AsOfDelta';
import { AsOfPicker } from './AsOfPicker';
import { useAsOf } from './useAsOf';
import { type AsOfBefore, type AsOfComparison, useAsOfComparison } from './useAsOfComparison';

interface AsOfBarProps<T> {
  /** The page's headline rate at the date read (null while loading or without a rate). */
  now: number | null | undefined;
  /** The same rate at the end of the previous period: its query (taking `$asOf`), variables and where the number is. */
  before: AsOfBefore<T>;
  /** The page's own comparison (useAsOfComparison) when it reads more from it (the table's rows): not asked twice. */
  comparison?: AsOfComparison<T>;
  skip?: boolean;
}

/** The page's "as of" date picker (URL state) and its headline rate compared with the previous period (ADR 042). */
export function AsOfBar<T>({ now, before, comparison, skip }: AsOfBarProps<T>) {
  const { t, i18n } = useTranslation();
  const { asOf } = useAsOf();
  const url = useUrlState();
  // Once the page's own answer is there (ADR 042: a past date is computed again on the server).
  const own = useAsOfComparison(before, { skip: skip || now === undefined || comparison !== undefined });
  const { compare, compareTo, data, loading } = comparison ?? own;
  const value = data ? before.pick(data) : undefined;
  return (
    <Box component="section" aria-label={t('asOf.label')} className="no-print" sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'center', minWidth: 0 }}>
      <AsOfPicker />
      <Box sx={{ minWidth: 0 }}>
        {asOf && <Typography variant="body2" data-testid="as-of-reading">{t('asOf.reading', { date: formatDate(asOf, i18n.language) })}</Typography>}
        {!compare && <Button variant="text" onClick={() => url.set({ compare: true })}>{t('asOf.compare', { date: formatDate(compareTo, i18n.language) })}</Button>}
        {compare && loading && !data && <Typography variant="body2" color="text.secondary">{t('asOf.comparing')}</Typography>}
        {data && <AsOfDelta now={now} before={value} since={compareTo} />}
      </Box>
    </Box>
  );
}
