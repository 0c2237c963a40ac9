import { Box, Typography } from '@mui/material';
import { EmptyState, ErrorState, LoadingState } from '@pilote/ui';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../api/useQuery';
import { MY_ACCESS_REQUESTS_QUERY } from '../features/account/accountApi';
import { AccessRequestTable } from '../features/account/AccessRequestTable';
import { RequestAccessForm } from '../features/account/RequestAccessForm';
import { SignInRequired } from '../features/account/SignInRequired';
import { useSession } from '../session/SessionContext';

/** `/access-requests`: ask for a role on a territory, and follow the decisions on one's requests. */
export default function AccessRequestsPage() {
  const { t } = useTranslation('core');
  const session = useSession();
  const signedIn = Boolean(session.info?.authenticated);
  const { data, loading, error, refetch } = useQuery(MY_ACCESS_REQUESTS_QUERY, {}, { skip: !signedIn });
  if (!session.info) return <LoadingState />;
  if (!signedIn) return <SignInRequired />;
  if (loading && !data) return <LoadingState />;
  if (error && !data) return <ErrorState error={error} action={{ label: t('app.retry'), onClick: refetch }} />;
  const requests = data?.myAccessRequests ?? [];
  return (
    <Box sx={{ display: 'grid', gap: 3, maxWidth: 1000, gridTemplateColumns: 'minmax(0, 1fr)' }}>
      <Typography component="h1" variant="h1">{t('account.requests.title')}</Typography>
      <RequestAccessForm roles={data?.requestableRoles ?? []} onSent={refetch} />
      <Box>
        <Typography component="h2" variant="h2" gutterBottom>{t('account.requests.mine')}</Typography>
        {requests.length === 0
          ? <EmptyState title={t('account.requests.noneTitle')} description={t('account.requests.noneDescription')} />
          : <AccessRequestTable caption={t('account.requests.mine')} requests={requests} roles={data?.roles} />}
      </Box>
    </Box>
  );
}
