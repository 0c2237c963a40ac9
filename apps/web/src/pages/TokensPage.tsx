import { Box, Paper, Typography } from '@mui/material';
import { EmptyState, ErrorState, LoadingState } from '@pilote/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mutate } from '../api/mutate';
import { useQuery } from '../api/useQuery';
import { errorText } from '../features/account/errorText';
import { SignInRequired } from '../features/account/SignInRequired';
import { CreateTokenForm } from '../features/tokens/CreateTokenForm';
import { type ApiToken, MY_TOKENS, REVOKE_TOKEN } from '../features/tokens/tokensApi';
import { TokensTable } from '../features/tokens/TokensTable';
import { useSession } from '../session/SessionContext';

/** `/account/tokens`: my API tokens — create (scopes, lifetime; the secret shown once), revoke, last use. */
export default function TokensPage() {
  const { t } = useTranslation('core');
  const session = useSession();
  const signedIn = Boolean(session.info?.authenticated);
  const { data, loading, error, refetch } = useQuery(MY_TOKENS, {}, { skip: !signedIn });
  const [message, setMessage] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  if (!session.info) return <LoadingState />;
  if (!signedIn) return <SignInRequired />;
  const revoke = async (token: ApiToken) => {
    setBusyId(token.id);
    setMessage(null);
    try {
      await mutate(REVOKE_TOKEN, { id: token.id });
      setMessage(t('tokens.revoked', { name: token.name }));
      refetch();
    } catch (e) {
      setMessage(errorText(e, t));
    } finally {
      setBusyId(null);
    }
  };
  const tokens = data?.myApiTokens ?? [];
  return (
    <Box sx={{ display: 'grid', gap: 3, gridTemplateColumns: 'minmax(0, 1fr)', maxWidth: 1100 }}>
      <Box>
        <Typography component="h1" variant="h1" gutterBottom>{t('tokens.title')}</Typography>
        <Typography color="text.secondary">{t('tokens.intro')}</Typography>
      </Box>
      <Paper variant="outlined" sx={{ p: 2, display: 'grid', gap: 2 }} component="section" aria-labelledby="new-token-title">
        <Typography id="new-token-title" component="h2" variant="h2">{t('tokens.newTitle')}</Typography>
        <CreateTokenForm onCreated={refetch} />
      </Paper>
      <Paper variant="outlined" sx={{ p: 2, display: 'grid', gap: 1, gridTemplateColumns: 'minmax(0, 1fr)' }} component="section" aria-labelledby="my-tokens-title">
        <Typography id="my-tokens-title" component="h2" variant="h2">{t('tokens.mine')}</Typography>
        <Typography role="status">{message}</Typography>
        {loading && !data ? <LoadingState /> : error && !data ? <ErrorState error={error} action={{ label: t('app.retry'), onClick: refetch }} /> : tokens.length === 0 ? (
          <EmptyState title={t('tokens.none')} description={t('tokens.noneDescription')} />
        ) : (
          <TokensTable tokens={tokens} caption={t('tokens.mine')} onRevoke={(token) => void revoke(token)} busyId={busyId} />
        )}
      </Paper>
    </Box>
  );
}
