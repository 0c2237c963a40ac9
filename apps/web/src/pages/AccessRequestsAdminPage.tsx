import { Box, Typography } from '@mui/material';
import { EmptyState, ErrorState, LoadingState } from '@pilote/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../api/useQuery';
import { type AccessRequest, ACCESS_REQUESTS_TO_DECIDE_QUERY } from '../features/account/accountApi';
import { AccessRequestTable } from '../features/account/AccessRequestTable';
import { DecideButtons } from '../features/account/DecideButtons';
import { SignInRequired } from '../features/account/SignInRequired';
import { useSession } from '../session/SessionContext';

/** `/admin/access-requests`: the pending requests a manager may decide (inside their scope, roles below theirs). */
export default function AccessRequestsAdminPage() {
  const { t } = useTranslation('core');
  const session = useSession();
  const signedIn = Boolean(session.info?.authenticated);
  const { data, loading, error, refetch } = useQuery(ACCESS_REQUESTS_TO_DECIDE_QUERY, {}, { skip: !signedIn });
  const [message, setMessage] = useState<string | null>(null);
  if (!session.info) return <LoadingState />;
  if (!signedIn) return <SignInRequired />;
  if (loading && !data) return <LoadingState />;
  if (error && !data) return <ErrorState error={error} action={{ label: t('app.retry'), onClick: refetch }} />;
  const requests = data?.accessRequestsToDecide ?? [];
  const decided = (request: AccessRequest, approved: boolean) => {
    setMessage(t(approved ? 'account.requests.approved' : 'account.requests.refused', { email: request.requesterEmail }));
    refetch();
  };
  return (
    <Box sx={{ display: 'grid', gap: 2, maxWidth: 1200 }}>
      <Typography component="h1" variant="h1">{t('account.requests.toDecideTitle')}</Typography>
      <Typography color="text.secondary">{t('account.requests.toDecideDescription')}</Typography>
      <Typography role="status">{message}</Typography>
      {requests.length === 0 ? (
        <EmptyState title={t('account.requests.nothingToDecideTitle')} description={t('account.requests.nothingToDecideDescription')} />
      ) : (
        <AccessRequestTable caption={t('account.requests.toDecideTitle')} requests={requests} roles={data?.roles} showRequester
          actions={(request) => <DecideButtons request={request} onDecided={(approved) => decided(request, approved)} />} />
      )}
    </Box>
  );
}
