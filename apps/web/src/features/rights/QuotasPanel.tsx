import { Alert, Box, Button, MenuItem, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mutate } from '../../api/mutate';
import { useQuery } from '../../api/useQuery';
import { useSession } from '../../session/SessionContext';
import type { RoleOption } from '../account/accountApi';
import { roleLabel } from '../account/roleLabel';
import { OVERRIDE_ROLE_QUOTA, QUOTAS_AT } from './rightsApi';
import { rightsErrorText } from './rightsErrorText';

/** The quotas a grant at this territory counts against; administrators may override a role's quota there (with a reason). */
export function QuotasPanel({ territoryCode, roles, revision }: { territoryCode: string; roles: RoleOption[]; revision: number }) {
  const { t, i18n } = useTranslation('core');
  const session = useSession();
  const { data, refetch } = useQuery(QUOTAS_AT, { territoryCode });
  // After a grant, the counts change: read them again.
  useEffect(() => { if (revision > 0) refetch(); }, [revision, refetch]);
  const [roleId, setRoleId] = useState('');
  const [max, setMax] = useState('');
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const quotas = data?.quotasAt;
  if (!quotas?.territoryCode) return null;
  const override = async () => {
    setMessage(null);
    try {
      await mutate(OVERRIDE_ROLE_QUOTA, { territoryCode, roleId, max: Number.parseInt(max, 10), reason: reason.trim() });
      setMessage({ ok: true, text: t('rights.quotas.overridden') });
      setReason('');
      refetch();
    } catch (e) {
      setMessage({ ok: false, text: rightsErrorText(e, t) });
    }
  };
  return (
    <Box component="section" aria-labelledby="quotas-title" sx={{ display: 'grid', gap: 1, minWidth: 0 }}>
      <Typography id="quotas-title" component="h3" variant="h3">{t('rights.quotas.title', { name: quotas.territoryName })}</Typography>
      <ul style={{ margin: 0, paddingInlineStart: '1.25rem' }}>
        <li>{t('rights.quotas.accounts', { used: quotas.accountsUsed, max: quotas.accountsMax })}</li>
        {quotas.roles.map((q) => (
          <li key={q.roleId}>
            {t('rights.quotas.role', { role: roleLabel(roles, q.roleId, i18n.language), used: q.used, max: q.max })}
            {q.source === 'override' && ` ${t('rights.quotas.overriddenBy', { who: q.overriddenByEmail ?? '?', reason: q.reason ?? '' })}`}
          </li>
        ))}
      </ul>
      {session.may('update', 'Role') && (
        <Box component="form" noValidate aria-label={t('rights.quotas.overrideTitle')} onSubmit={(e) => { e.preventDefault(); void override(); }}
          sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'flex-start', minWidth: 0 }}>
          <TextField select size="small" label={t('rights.quotas.overrideRole')} value={roleId} onChange={(e) => setRoleId(e.target.value)} id="quota-role" sx={{ minWidth: 200, maxWidth: '100%' }}>
            {roles.filter((r) => r.id !== 'public').map((r) => <MenuItem key={r.id} value={r.id}>{roleLabel(roles, r.id, i18n.language)}</MenuItem>)}
          </TextField>
          <TextField size="small" type="number" label={t('rights.quotas.overrideMax')} value={max} onChange={(e) => setMax(e.target.value)} id="quota-max" sx={{ width: 140 }} slotProps={{ htmlInput: { min: 0 } }} />
          <TextField size="small" label={t('rights.quotas.overrideReason')} value={reason} onChange={(e) => setReason(e.target.value)} id="quota-reason" sx={{ minWidth: 0, width: 280, maxWidth: '100%' }} />
          <Button type="submit" variant="outlined" disabled={!roleId || max === ''}>{t('rights.quotas.overrideSubmit')}</Button>
        </Box>
      )}
      <Box role="status">{message && <Alert severity={message.ok ? 'success' : 'error'}>{message.text}</Alert>}</Box>
    </Box>
  );
}
