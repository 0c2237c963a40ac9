import { Alert, AlertTitle, Box, Button, MenuItem, TextField } from '@mui/material';
import { type FormEvent, useState } from 'react';
import { localize } from '../../instance/InstanceContext';
import type { AuthStatus } from './useAuthStatus';
import { useAuthTexts } from './useAuthTexts';

/** Demo instances only: sign in as the demo user of a role; the notice says it is a demo. */
export function DemoLoginForm({ roles, returnTo }: { roles: NonNullable<AuthStatus['demoRoles']>; returnTo: string }) {
  const { t, i18n } = useAuthTexts();
  const [role, setRole] = useState(roles[0]?.id ?? '');
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setFailed(false);
    try {
      const response = await fetch('/auth/demo-login', { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ role }) });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      window.location.assign(returnTo); // a full load, so every part of the app sees the new session
    } catch {
      setFailed(true);
      setBusy(false);
    }
  }

  return (
    <Box component="section" aria-labelledby="demo-login-title" sx={{ mt: 4 }}>
      <Alert severity="warning" sx={{ mb: 2 }}>
        <AlertTitle id="demo-login-title" component="h2">{t('login.demoTitle')}</AlertTitle>
        {t('login.demoNotice')}
      </Alert>
      <Box component="form" onSubmit={submit} sx={{ display: 'flex', gap: 2, alignItems: 'flex-start', flexWrap: 'wrap' }}>
        <TextField select label={t('login.demoRole')} value={role} onChange={(event) => setRole(event.target.value)} sx={{ minWidth: 280 }} size="small">
          {roles.map((option) => <MenuItem key={option.id} value={option.id}>{localize(option.label, i18n.language, option.id)}</MenuItem>)}
        </TextField>
        <Button type="submit" variant="outlined" disabled={!role || busy}>{t('login.demoSubmit')}</Button>
      </Box>
      {failed && <Alert severity="error" role="alert" sx={{ mt: 2 }}>{t('login.demoFailed')}</Alert>}
    </Box>
  );
}
