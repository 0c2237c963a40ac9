import { Box, Button, List, ListItem, ListItemText, Paper, Typography } from '@mui/material';
import { EmptyState, ErrorState, formatDate, LoadingState } from '@pilote/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mutate } from '../api/mutate';
import { useQuery } from '../api/useQuery';
import { type AppNotification, MARK_ALL_READ, MARK_READ, NOTIFICATIONS_QUERY } from '../features/account/accountApi';
import { SignInRequired } from '../features/account/SignInRequired';
import { RouterLink } from '../layout/RouterLink';
import { useSession } from '../session/SessionContext';

/** `/notifications`: what happened to the user's proposals, campaigns and requests; links to act on them. */
export default function NotificationsPage() {
  const { t, i18n } = useTranslation('core');
  const session = useSession();
  const signedIn = Boolean(session.info?.authenticated);
  const { data, loading, error, refetch } = useQuery(NOTIFICATIONS_QUERY, { locale: i18n.language }, { skip: !signedIn });
  const [message, setMessage] = useState<string | null>(null);

  if (!session.info) return <LoadingState />;
  if (!signedIn) return <SignInRequired />;
  if (loading && !data) return <LoadingState />;
  if (error && !data) return <ErrorState error={error} action={{ label: t('app.retry'), onClick: refetch }} />;
  const items = data?.myNotifications ?? [];
  const unread = items.filter((n) => !n.readAt).length;
  const markAll = async () => {
    const { markAllNotificationsRead: count } = await mutate(MARK_ALL_READ, {});
    setMessage(t('account.notifications.markedRead', { count }));
    refetch();
    window.dispatchEvent(new Event('pilote:notifications-changed'));
  };
  const markRead = async (n: AppNotification) => {
    if (n.readAt) return;
    await mutate(MARK_READ, { id: n.id });
    window.dispatchEvent(new Event('pilote:notifications-changed'));
    refetch();
  };
  return (
    <Box sx={{ display: 'grid', gap: 2, maxWidth: 900 }}>
      <Typography component="h1" variant="h1">{t('account.notifications.title')}</Typography>
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography>{t('account.notifications.unread', { count: unread })}</Typography>
        <Button variant="outlined" onClick={() => void markAll()} disabled={unread === 0}>{t('account.notifications.markAllRead')}</Button>
        <Typography role="status" color="text.secondary">{message}</Typography>
      </Box>
      {items.length === 0 ? (
        <EmptyState title={t('account.notifications.emptyTitle')} description={t('account.notifications.emptyDescription')} />
      ) : (
        <Paper variant="outlined">
          <List aria-label={t('account.notifications.title')}>
            {items.map((n) => (
              <ListItem key={n.id} divider sx={{ alignItems: 'flex-start', bgcolor: n.readAt ? undefined : 'action.hover' }}>
                <ListItemText
                  primary={<>{!n.readAt && <Typography component="span" sx={{ fontWeight: 700 }}>{t('account.notifications.new')} · </Typography>}{n.title}</>}
                  secondary={<>
                    <Typography component="span" sx={{ display: "block" }}>{n.body}</Typography>
                    <Typography component="span" variant="body2" color="text.secondary">{formatDate(n.createdAt, i18n.language)}</Typography>
                    {n.link && <> · <RouterLink to={n.link} onClick={() => void markRead(n)}>{t('account.notifications.open')}</RouterLink></>}
                    {!n.readAt && <> · <Button size="small" onClick={() => void markRead(n)}>{t('account.notifications.markRead')}</Button></>}
                  </>}
                  slotProps={{ secondary: { component: 'div' } }} />
              </ListItem>
            ))}
          </List>
        </Paper>
      )}
    </Box>
  );
}
