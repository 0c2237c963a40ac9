import { Box, FormControlLabel, Switch, TextField, Typography } from '@mui/material';
import { EmptyState, ErrorState, LoadingState } from '@pilote/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mutate } from '../api/mutate';
import { useQuery } from '../api/useQuery';
import { errorText } from '../features/account/errorText';
import { SignInRequired } from '../features/account/SignInRequired';
import { ALL_TOKENS, type ApiToken, REVOKE_ANY_TOKEN } from '../features/tokens/tokensApi';
import { TokensTable } from '../features/tokens/TokensTable';
import { useSession } from '../session/SessionContext';
import { NotFoundPage } from './NotFoundPage';

/** `/admin/tokens`: every account's API tokens (administrators), searched, revocable. */
export default function TokensAdminPage() {
  const { t } = useTranslation('core');
  const session = useSession();
  const signedIn = Boolean(session.info?.authenticated);
  const allowed = session.may('manage', 'ApiToken');
  const [search, setSearch] = useState('');
  const [includeInactive, setIncludeInactive] = useState(false);
  const { data, loading, error, refetch } = useQuery(ALL_TOKENS, { search: search.trim() || null, includeInactive }, { skip: !signedIn || !allowed });
  const [message, setMessage] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  if (!session.info) return <LoadingState />;
  if (!signedIn) return <SignInRequired />;
  if (!allowed) return <NotFoundPage title={t('tokens.adminNotAllowed')} />;
  const revoke = async (token: ApiToken) => {
    setBusyId(token.id);
    setMessage(null);
    try {
      await mutate(REVOKE_ANY_TOKEN, { id: token.id });
      setMessage(t('tokens.revokedOf', { name: token.name, owner: token.ownerEmail }));
      refetch();
    } catch (e) {
      setMessage(errorText(e, t));
    } finally {
      setBusyId(null);
    }
  };
  const tokens = data?.apiTokens ?? [];
  return (
    <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: 'minmax(0, 1fr)', maxWidth: 1200 }}>
      <Typography component="h1" variant="h1">{t('tokens.adminTitle')}</Typography>
      <Typography color="text.secondary">{t('tokens.adminIntro')}</Typography>
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'center' }}>
        <TextField size="small" type="search" label={t('tokens.search')} value={search} onChange={(e) => setSearch(e.target.value)} sx={{ minWidth: 0, width: 320, maxWidth: '100%' }} />
        <FormControlLabel control={<Switch checked={includeInactive} onChange={(e) => setIncludeInactive(e.target.checked)} />} label={t('tokens.includeInactive')} />
      </Box>
      <Typography role="status">{message}</Typography>
      {loading && !data ? <LoadingState /> : error && !data ? <ErrorState error={error} action={{ label: t('app.retry'), onClick: refetch }} /> : tokens.length === 0 ? (
        <EmptyState title={t('tokens.adminNone')} description={t('tokens.adminNoneDescription')} />
      ) : (
        <TokensTable tokens={tokens} caption={t('tokens.adminTitle')} onRevoke={(token) => void revoke(token)} busyId={busyId} showOwner />
      )}
    </Box>
  );
}
