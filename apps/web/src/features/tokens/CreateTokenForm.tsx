import { Alert, Box, Button, Checkbox, FormControlLabel, FormGroup, FormHelperText, FormLabel, TextField } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mutate } from '../../api/mutate';
import { fieldError } from '../campaigns/campaignApi';
import { CREATE_TOKEN, TOKEN_SCOPES } from './tokensApi';

/** Name, scopes and lifetime of a new token; its secret is shown once, here, after creation. */
export function CreateTokenForm({ onCreated }: { onCreated: () => void }) {
  const { t } = useTranslation('core');
  const [name, setName] = useState('');
  const [days, setDays] = useState('90');
  const [scopes, setScopes] = useState<string[]>(['read']);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [secret, setSecret] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setErrors({});
    setSecret(null);
    const ttlDays = Number(days);
    const local: Record<string, string> = {};
    if (!name.trim()) local.name = t('tokens.errors.name');
    if (!Number.isInteger(ttlDays) || ttlDays < 1 || ttlDays > 366) local.ttlDays = t('tokens.errors.ttlDays');
    if (scopes.length === 0) local.scopes = t('tokens.errors.scopes');
    if (Object.keys(local).length > 0) return setErrors(local);
    setBusy(true);
    try {
      const created = await mutate(CREATE_TOKEN, { name: name.trim(), ttlDays, scopes });
      setSecret(created.createApiToken.secret);
      setName('');
      onCreated();
    } catch (error) {
      const { field, reason, message } = fieldError(error);
      const text = (reason && t(`tokens.errors.${reason}`, { defaultValue: '' })) || message;
      setErrors({ [field ?? 'general']: text });
    } finally {
      setBusy(false);
    }
  };
  const toggle = (scope: string, on: boolean) => setScopes((current) => (on ? [...new Set([...current, scope])] : current.filter((s) => s !== scope)));
  return (
    <Box component="form" noValidate onSubmit={(e) => void submit(e)} sx={{ display: 'grid', gap: 2, maxWidth: 640, gridTemplateColumns: 'minmax(0, 1fr)' }}>
      <TextField label={t('tokens.name')} value={name} onChange={(e) => setName(e.target.value)} required error={Boolean(errors.name)} helperText={errors.name ?? t('tokens.nameHelp')} slotProps={{ htmlInput: { maxLength: 100 } }} />
      <TextField label={t('tokens.ttlDays')} type="number" value={days} onChange={(e) => setDays(e.target.value)} required error={Boolean(errors.ttlDays)} helperText={errors.ttlDays ?? t('tokens.ttlDaysHelp')} slotProps={{ htmlInput: { min: 1, max: 366 } }} />
      <Box component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
        <FormLabel component="legend">{t('tokens.scopesLabel')}</FormLabel>
        <FormGroup row>
          {TOKEN_SCOPES.map((scope) => (
            <FormControlLabel key={scope} control={<Checkbox checked={scopes.includes(scope)} onChange={(e) => toggle(scope, e.target.checked)} />} label={t(`tokens.scopes.${scope}`)} />
          ))}
        </FormGroup>
        <FormHelperText error={Boolean(errors.scopes)}>{errors.scopes ?? t('tokens.scopesHelp')}</FormHelperText>
      </Box>
      <Box role="alert">{errors.general && <Alert severity="error">{errors.general}</Alert>}</Box>
      <Box><Button type="submit" variant="contained" disabled={busy}>{t('tokens.create')}</Button></Box>
      {secret && (
        <Alert severity="success" sx={{ minWidth: 0, '& .MuiAlert-message': { minWidth: 0, width: '100%' } }}>
          {t('tokens.shownOnce')}
          <TextField sx={{ mt: 1 }} fullWidth label={t('tokens.secret')} value={secret} slotProps={{ htmlInput: { readOnly: true } }} onFocus={(e) => e.target.select()} />
          <Button sx={{ mt: 1 }} size="small" onClick={() => void navigator.clipboard?.writeText(secret)}>{t('tokens.copy')}</Button>
        </Alert>
      )}
    </Box>
  );
}
