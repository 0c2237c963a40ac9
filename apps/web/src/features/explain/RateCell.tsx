import { Box, Link } from '@mui/material';
import { formatDate, formatRate, reasonText } from '@pilote/ui';
import { useTranslation } from 'react-i18next';
import type { Rate } from '../../api/types';
import { useExplain } from './ExplainProvider';

/** A rate with its date; the rate itself opens its explanation. */
export function RateCell({ rate, label }: { rate: Rate; label: string }) {
  const { t, i18n } = useTranslation('core');
  const explain = useExplain();
  const text = formatRate(rate.value, i18n.language);
  const reason = reasonText(rate, t);
  return (
    <Box component="span" sx={{ display: 'inline-flex', flexDirection: 'column', alignItems: 'flex-end' }}>
      <Link component="button" type="button" onClick={() => explain(rate.explanationId)} aria-label={t('ui.explainLabel', { label: `${label} ${text}` })}
        title={reason ?? undefined} sx={{ fontWeight: 700 }}>
        {text}
      </Link>
      {rate.date ? <Box component="span" sx={{ fontSize: '0.75rem', color: 'text.secondary' }}>{formatDate(rate.date, i18n.language)}</Box>
        : reason ? <Box component="span" sx={{ fontSize: '0.75rem', color: 'text.secondary', maxWidth: 160, textAlign: 'right' }}>{reason}</Box> : null}
    </Box>
  );
}
