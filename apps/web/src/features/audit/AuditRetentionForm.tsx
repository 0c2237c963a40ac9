import { Alert, Box, Button, FormControlLabel, Radio, RadioGroup, TextField } from '@mui/material';
import { type FormEvent, useState } from 'react';
import { formatNumber } from '@pilote/ui';
import { useTranslation } from 'react-i18next';
import { mutate } from '../../api/mutate';
import { fieldError } from '../campaigns/campaignApi';
import { type AuditRetention, RESET_AUDIT_RETENTION, RETENTION_MAX_DAYS, RETENTION_MIN_DAYS, SET_AUDIT_RETENTION } from './auditRetentionApi';

/** Administrators' form: a number of days or "keep everything", or back to the configuration; a reason each time. */
export function AuditRetentionForm({ current, onSaved }: { current: AuditRetention; onSaved: (saved: AuditRetention) => void }) {
  const { t, i18n } = useTranslation('core');
  const [mode, setMode] = useState<'days' | 'all'>(current.days === null ? 'all' : 'days');
  const [days, setDays] = useState(current.days === null ? '' : String(current.days));
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const bounds = { min: RETENTION_MIN_DAYS, max: RETENTION_MAX_DAYS };
  // Said in the reader's digits: « 36 500 », not "36500".
  const saidBounds = { min: formatNumber(bounds.min, i18n.language, 0), max: formatNumber(bounds.max, i18n.language, 0) };

  const send = async (reset: boolean) => {
    setErrors({});
    setStatus('');
    const value = Number(days);
    const local: Record<string, string> = {};
    if (!reset && mode === 'days' && (!days.trim() || !Number.isInteger(value) || value < bounds.min || value > bounds.max)) local.days = t('audit.retentionForm.errors.days', saidBounds);
    if (!reason.trim()) local.reason = t('audit.retentionForm.errors.reason');
    if (Object.keys(local).length > 0) return setErrors(local);
    setBusy(true);
    try {
      const saved = reset
        ? (await mutate(RESET_AUDIT_RETENTION, { reason: reason.trim() })).resetAuditRetention
        : (await mutate(SET_AUDIT_RETENTION, { days: mode === 'all' ? null : value, reason: reason.trim() })).setAuditRetention;
      setReason('');
      setStatus(t('audit.retentionForm.saved'));
      onSaved(saved);
    } catch (error) {
      const { field, message } = fieldError(error);
      const known = field === 'days' ? t('audit.retentionForm.errors.days', saidBounds) : field === 'reason' ? t('audit.retentionForm.errors.reason') : null;
      setErrors({ [field === 'days' || field === 'reason' ? field : 'general']: known ?? message });
    } finally {
      setBusy(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void send(false);
  };

  return (
    <Box component="form" noValidate onSubmit={submit} aria-label={t('audit.retentionForm.title')} sx={{ display: 'grid', gap: 2, maxWidth: 560, gridTemplateColumns: 'minmax(0, 1fr)' }}>
      <RadioGroup value={mode} onChange={(e) => setMode(e.target.value as 'days' | 'all')} aria-label={t('audit.retentionForm.mode')}>
        <FormControlLabel value="days" control={<Radio />} label={t('audit.retentionForm.modeDays')} />
        <FormControlLabel value="all" control={<Radio />} label={t('audit.retentionForm.modeAll')} />
      </RadioGroup>
      {mode === 'days' && (
        <TextField label={t('audit.retentionForm.days')} type="number" value={days} onChange={(e) => setDays(e.target.value)} required error={Boolean(errors.days)} helperText={errors.days ?? t('audit.retentionForm.daysHelp', saidBounds)} slotProps={{ htmlInput: { min: bounds.min, max: bounds.max } }} />
      )}
      <TextField label={t('audit.retentionForm.reason')} value={reason} onChange={(e) => setReason(e.target.value)} required error={Boolean(errors.reason)} helperText={errors.reason ?? t('audit.retentionForm.reasonHelp')} slotProps={{ htmlInput: { maxLength: 500 } }} />
      <Box role="alert">{errors.general && <Alert severity="error">{errors.general}</Alert>}</Box>
      <Box role="status">{status && <Alert severity="success">{status}</Alert>}</Box>
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
        <Button type="submit" variant="contained" disabled={busy}>{t('audit.retentionForm.save')}</Button>
        {current.source === 'SCREEN' && <Button variant="outlined" disabled={busy} onClick={() => void send(true)}>{t('audit.retentionForm.reset')}</Button>}
      </Box>
    </Box>
  );
}
