import { Box, Paper, Typography } from '@mui/material';
import { LoadingState } from '@pilote/ui';
import { useTranslation } from 'react-i18next';
import { SignInRequired } from '../features/account/SignInRequired';
import { AlertSubscriptionsList } from '../features/bookmarks/AlertSubscriptionsList';
import { SavedViewsList } from '../features/bookmarks/SavedViewsList';
import { RouterLink } from '../layout/RouterLink';
import { useSession } from '../session/SessionContext';

/** `/account`: my saved views and my alert subscriptions. */
export default function AccountPage() {
  const { t } = useTranslation('core');
  const session = useSession();
  if (!session.info) return <LoadingState />;
  if (!session.info.authenticated) return <SignInRequired />;
  return (
    <Box sx={{ display: 'grid', gap: 3, gridTemplateColumns: 'minmax(0, 1fr)', maxWidth: 1100 }}>
      <Box>
        <Typography component="h1" variant="h1" gutterBottom>{t('bookmarks.accountTitle')}</Typography>
        <Typography color="text.secondary">{t('bookmarks.accountIntro')} <RouterLink to="/notifications">{t('account.notifications.title')}</RouterLink></Typography>
      </Box>
      <Paper variant="outlined" sx={{ p: 2, display: 'grid', gap: 1, gridTemplateColumns: 'minmax(0, 1fr)' }} component="section" aria-labelledby="saved-views-title">
        <Typography id="saved-views-title" component="h2" variant="h2">{t('bookmarks.savedViews')}</Typography>
        <SavedViewsList />
      </Paper>
      <Paper variant="outlined" sx={{ p: 2, display: 'grid', gap: 1, gridTemplateColumns: 'minmax(0, 1fr)' }} component="section" aria-labelledby="alerts-title">
        <Typography id="alerts-title" component="h2" variant="h2">{t('alertSubscriptions.alerts')}</Typography>
        <AlertSubscriptionsList />
      </Paper>
    </Box>
  );
}
