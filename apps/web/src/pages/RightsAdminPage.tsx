import { Box, Button, TextField, Typography } from '@mui/material';
import { EmptyState, ErrorState, LoadingState } from '@pilote/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mutate } from '../api/mutate';
import { useQuery } from '../api/useQuery';
import { roleLabel } from '../features/account/roleLabel';
import { SignInRequired } from '../features/account/SignInRequired';
import { AccountsTable } from '../features/rights/AccountsTable';
import { GrantRightForm, type RightDraft } from '../features/rights/GrantRightForm';
import { PreviewPanel } from '../features/rights/PreviewPanel';
import { RevokeDialog } from '../features/rights/RevokeDialog';
import { REVOKE_RIGHT, RIGHTS_ACCOUNTS, RIGHTS_OPTIONS, type RightAssignment, type RightsAccount } from '../features/rights/rightsApi';
import { rightsErrorText } from '../features/rights/rightsErrorText';
import { useSession } from '../session/SessionContext';
import { NotFoundPage } from './NotFoundPage';

const PAGE = 50;

/** `/admin/rights`: accounts of my administration scope, grant and revoke rights (role × combined scope, with a reason), quotas, "see as". */
export default function RightsAdminPage() {
  const { t, i18n } = useTranslation('core');
  const session = useSession();
  const signedIn = Boolean(session.info?.authenticated);
  const allowed = session.may('read', 'Assignment');
  const [search, setSearch] = useState('');
  const [offset, setOffset] = useState(0);
  const [draft, setDraft] = useState<RightDraft | null>(null);
  const accounts = useQuery(RIGHTS_ACCOUNTS, { search: search.trim() || null, offset }, { skip: !signedIn || !allowed });
  const options = useQuery(RIGHTS_OPTIONS, {}, { skip: !signedIn || !allowed });
  const [message, setMessage] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<{ account: RightsAccount; right: RightAssignment } | null>(null);
  if (!session.info) return <LoadingState />;
  if (!signedIn) return <SignInRequired />;
  if (!allowed) return <NotFoundPage title={t('rights.notAllowed')} />;
  const roles = options.data?.roles ?? [];
  const revoke = async (reason: string) => {
    if (!revoking) return;
    const { account, right } = revoking;
    setRevoking(null);
    setBusyId(right.id);
    setMessage(null);
    try {
      await mutate(REVOKE_RIGHT, { id: right.id, reason: reason || null });
      setMessage(t('rights.revoked', { role: roleLabel(roles, right.roleId, i18n.language), email: account.email }));
      accounts.refetch();
    } catch (e) {
      setMessage(rightsErrorText(e, t));
    } finally {
      setBusyId(null);
    }
  };
  const page = accounts.data?.rightsAccounts;
  return (
    <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: 'minmax(0, 1fr)', maxWidth: 1200 }}>
      <Typography component="h1" variant="h1">{t('rights.title')}</Typography>
      <Typography color="text.secondary">{t('rights.intro')}</Typography>
      {session.may('create', 'Assignment') && options.data && (
        <GrantRightForm roles={roles} policies={options.data.policies} taxonomies={options.data.taxonomies} onDraft={setDraft}
          onGranted={(email) => { setSearch(email); setOffset(0); accounts.refetch(); }} />
      )}
      {options.data && <PreviewPanel draft={draft} roles={roles} />}
      <Typography component="h2" variant="h2">{t('rights.accountsTitle')}</Typography>
      <TextField size="small" type="search" label={t('rights.search')} value={search} onChange={(e) => { setSearch(e.target.value); setOffset(0); }} sx={{ minWidth: 0, width: 360, maxWidth: '100%' }} />
      <Typography role="status">{message}</Typography>
      {accounts.loading && !accounts.data ? <LoadingState /> : accounts.error && !accounts.data ? <ErrorState error={accounts.error} action={{ label: t('app.retry'), onClick: accounts.refetch }} /> : !page || page.nodes.length === 0 ? (
        <EmptyState title={t('rights.none')} description={t('rights.noneDescription')} />
      ) : (
        <>
          <Typography>{t('rights.count', { count: page.totalCount, from: offset + 1, to: offset + page.nodes.length })}</Typography>
          <AccountsTable accounts={page.nodes} roles={roles} caption={t('rights.accountsTitle')} onRevoke={(account, right) => setRevoking({ account, right })} busyId={busyId} />
          <Box sx={{ display: 'flex', gap: 1 }}>
            <Button disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>{t('rights.previous')}</Button>
            <Button disabled={offset + PAGE >= page.totalCount} onClick={() => setOffset(offset + PAGE)}>{t('rights.next')}</Button>
          </Box>
        </>
      )}
      <RevokeDialog open={revoking !== null} onCancel={() => setRevoking(null)} onConfirm={(reason) => void revoke(reason)}
        title={revoking ? t('rights.revokeTitle', { role: roleLabel(roles, revoking.right.roleId, i18n.language), email: revoking.account.email }) : ''} />
    </Box>
  );
}
