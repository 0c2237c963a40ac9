import { Box } from '@mui/material';
import { formatDate } from '@pilote/ui';
import { useTranslation } from 'react-i18next';
import type { Indicator } from '../../api/types';

/** The indicator's definition, source, method, periodicity and next expected update, as a description list. */
export function IndicatorMeta({ indicator, nextExpectedUpdate }: { indicator: Indicator; nextExpectedUpdate: string | null }) {
  const { t, i18n } = useTranslation('core');
  return (
    <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content minmax(0, 1fr)', columnGap: 2, rowGap: 0.5, mt: 2, fontSize: '0.9rem', '& dt': { fontWeight: 700 }, '& dd': { m: 0 } }}>
      {indicator.description && <><dt>{t('policy.definition')}</dt><dd>{indicator.description}</dd></>}
      <dt>{t('policy.source')}</dt><dd>{indicator.source ?? '—'}</dd>
      <dt>{t('policy.method')}</dt><dd>{indicator.method ?? '—'}</dd>
      <dt>{t('policy.periodicity')}</dt><dd>{t(`periodicity.${indicator.periodicity}`, { defaultValue: indicator.periodicity })}</dd>
      <dt>{t('policy.nextUpdate')}</dt><dd>{formatDate(nextExpectedUpdate, i18n.language)}</dd>
    </Box>
  );
}
