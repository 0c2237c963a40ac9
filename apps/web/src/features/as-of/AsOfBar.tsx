import { Box, Button, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../api/useQuery';
import type { TypedDocumentString } from '../../api/generated/graphql';
import { useUrlState } from '../../state/useUrlState';
import { formatDate } from '@pilote/ui';
import { AsOfDelta } from './AsOfDelta';
import { AsOfPicker } from './AsOfPicker';
import { useAsOf } from './useAsOf';

interface AsOfBarProps<T> {
  /** The page's headline rate at the date read (null while loading or without a rate). */
  now: number | null | undefined;
  /** The same rate at the end of the previous period: its query (taking `$asOf`), variables and where the number is. */
  before: { query: string | TypedDocumentString<T, never>; variables: Record<string, unknown>; pick: (data: T) => number | null | undefined };
  skip?: boolean;
}

/** The page's "as of" date picker (URL state) and its headline rate compared with the previous period (ADR 042). */
export function AsOfBar<T>({ now, before, skip }: AsOfBarProps<T>) {
  const { t, i18n } = useTranslation();
  const { asOf, compareTo } = useAsOf();
  const url = useUrlState();
  // On demand (URL `compare=1`, so a shared link keeps it), once the page's own answer is there: a
  // past date is computed again on the server (ADR 042: ~20 s the first time on anct-crte under load).
  const compare = url.getBool('compare');
  const previous = useQuery<T>(before.query.toString(), { ...before.variables, asOf: compareTo }, { skip: skip || !compare || now === undefined });
  const value = previous.data ? before.pick(previous.data) : undefined;
  return (
    <Box component="section" aria-label={t('asOf.label')} className="no-print" sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'center', minWidth: 0 }}>
      <AsOfPicker />
      <Box sx={{ minWidth: 0 }}>
        {asOf && <Typography variant="body2" data-testid="as-of-reading">{t('asOf.reading', { date: formatDate(asOf, i18n.language) })}</Typography>}
        {!compare && <Button variant="text" onClick={() => url.set({ compare: true })}>{t('asOf.compare', { date: formatDate(compareTo, i18n.language) })}</Button>}
        {compare && previous.loading && !previous.data && <Typography variant="body2" color="text.secondary">{t('asOf.comparing')}</Typography>}
        {previous.data && <AsOfDelta now={now} before={value} since={compareTo} />}
      </Box>
    </Box>
  );
}
