import { Alert, Box, Button, MenuItem, Paper, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mutate } from '../../api/mutate';
import { errorText } from './errorText';
import { useInstance } from '../../instance/InstanceContext';
import { TerritorySelector } from '../home/TerritorySelector';
import { REQUEST_ACCESS, type RoleOption } from './accountApi';
import { roleLabel } from './roleLabel';

/** Ask for a role on a territory (and everything below it), with a reason the managers read; `roles` are the requestable ones (rights.requestableRoles). */
export function RequestAccessForm({ roles, onSent }: { roles: RoleOption[]; onSent: () => void }) {
  const { t, i18n } = useTranslation('core');
  const instance = useInstance();
  const broadest = [...instance.levels].filter((l) => !l.perimeter).sort((a, b) => a.rank - b.rank)[0]?.id ?? '';
  const [roleId, setRoleId] = useState('');
  const [level, setLevel] = useState(broadest);
  const [territory, setTerritory] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const requestable = [...roles].filter((r) => r.id !== 'public').sort((a, b) => a.rank - b.rank);
  const submit = async () => {
    setError(null);
    setSent(false);
    try {
      await mutate(REQUEST_ACCESS, { roleId, scope: { kind: 'territory', territoryCode: territory }, reason: reason.trim() });
      setSent(true);
      setReason('');
      onSent();
    } catch (e) {
      setError(errorText(e, t));
    }
  };
  return (
    <Paper variant="outlined" component="form" sx={{ p: 2, display: 'grid', gap: 2 }} aria-labelledby="request-access-title"
      onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <Typography id="request-access-title" component="h2" variant="h2">{t('account.requests.askTitle')}</Typography>
      <Typography color="text.secondary">{t('account.requests.askDescription')}</Typography>
      <TextField select required label={t('account.requests.role')} value={roleId} onChange={(e) => setRoleId(e.target.value)} sx={{ maxWidth: 360 }} id="request-role">
        {requestable.map((role) => <MenuItem key={role.id} value={role.id}>{roleLabel(roles, role.id, i18n.language)}</MenuItem>)}
      </TextField>
      <TerritorySelector level={level} territoryCode={territory} onChange={(next) => { setLevel(next.level); setTerritory(next.territory ?? ''); }} />
      <TextField required multiline minRows={3} label={t('account.requests.reason')} helperText={t('account.requests.reasonHelp')} value={reason}
        onChange={(e) => setReason(e.target.value)} id="request-reason" />
      {error && <Alert severity="error" role="alert">{error}</Alert>}
      <Box role="status">{sent && <Alert severity="success">{t('account.requests.sent')}</Alert>}</Box>
      <Box><Button type="submit" variant="contained" disabled={!roleId || !territory || !reason.trim()}>{t('account.requests.send')}</Button></Box>
    </Paper>
  );
}
