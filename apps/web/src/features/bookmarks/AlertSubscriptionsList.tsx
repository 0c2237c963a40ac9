import { Box, Button, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mutate } from '../../api/mutate';
import { localize, useInstance } from '../../instance/InstanceContext';
import { RouterLink } from '../../layout/RouterLink';
import { errorText } from '../account/errorText';
import { type AlertSubscription, MY_ALERTS, UNSUBSCRIBE_ALERT } from './alertsApi';
import { announceBookmarksChanged } from './bookmarksApi';
import { useBookmarksQuery } from './useBookmarksQuery';

/** The account page's alert subscriptions: what each watches, where, whether it holds now; unsubscribe. */
export function AlertSubscriptionsList() {
  const { t, i18n } = useTranslation('core');
  const instance = useInstance();
  const { data } = useBookmarksQuery(MY_ALERTS);
  const [message, setMessage] = useState('');
  const items = data?.myAlertSubscriptions ?? [];
  const weatherLabel = (id: string) => localize(instance.weatherLevels.find((w) => w.id === id)?.label, i18n.language, t(`alertSubscriptions.weathers.${id}`));
  const describe = (a: AlertSubscription) => a.kind === 'indicator-rate'
    ? t('alertSubscriptions.describe.indicator-rate', { indicator: a.indicatorName, threshold: new Intl.NumberFormat(i18n.language).format(a.threshold ?? 0), territory: a.territoryName })
    : a.kind === 'policy-weather'
      ? t('alertSubscriptions.describe.policy-weather', { policy: a.policyName, weather: weatherLabel(a.weather ?? ''), territory: a.territoryName })
      : t('alertSubscriptions.describe.policy-trajectory', { policy: a.policyName, territory: a.territoryName });
  const href = (a: AlertSubscription) => a.kind === 'indicator-rate'
    ? `/indicators/${encodeURIComponent(a.indicatorId ?? '')}?territory=${encodeURIComponent(a.territoryCode)}`
    : `/policies/${encodeURIComponent(a.policyId)}?territory=${encodeURIComponent(a.territoryCode)}`;
  const remove = async (a: AlertSubscription) => {
    try {
      await mutate(UNSUBSCRIBE_ALERT, { id: a.id });
      setMessage(t('alertSubscriptions.removed'));
      announceBookmarksChanged();
    } catch (error) {
      setMessage(errorText(error, t));
    }
  };
  return (
    <Box sx={{ display: 'grid', gap: 1 }}>
      <Typography role="status" variant="body2">{message}</Typography>
      {items.length === 0 ? <Typography color="text.secondary">{data ? t('alertSubscriptions.none') : t('bookmarks.loading')}</Typography> : (
        <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0, display: 'grid', gap: 1.5 }}>
          {items.map((a) => (
            <Box component="li" key={a.id} sx={{ borderBottom: 1, borderColor: 'divider', pb: 1.5, display: 'grid', gap: 0.5, minWidth: 0 }}>
              <RouterLink to={href(a)} sx={{ overflowWrap: 'anywhere' }}>{describe(a)}</RouterLink>
              <Typography variant="body2" color="text.secondary">{a.firing ? t('alertSubscriptions.firing') : t('alertSubscriptions.quiet')}</Typography>
              <Box><Button size="small" variant="outlined" color="error" onClick={() => void remove(a)} aria-label={t('alertSubscriptions.removeOf', { what: describe(a) })}>{t('alertSubscriptions.remove')}</Button></Box>
            </Box>
          ))}
        </Box>
      )}
    </Box>
  );
}
