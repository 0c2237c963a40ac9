import { Alert, Autocomplete, Box, Button, TextField } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CampaignFields, type CampaignFormOptions, fieldError, splitEmails } from './campaignApi';
import { TerritoryMultiPicker } from './TerritoryMultiPicker';

interface Props {
  options: CampaignFormOptions;
  initial: CampaignFields;
  submitLabel: string;
  /** Saves; a refusal is thrown and shown next to the field the API named. */
  onSubmit: (fields: CampaignFields) => Promise<void>;
  onCancel: () => void;
}

type Field = keyof CampaignFields;

/** Name, period, deadline, indicators, territories and assignees (by role and by e-mail) of a campaign. */
export function CampaignForm({ options, initial, submitLabel, onSubmit, onCancel }: Props) {
  const { t, i18n } = useTranslation('core');
  const [fields, setFields] = useState<CampaignFields>(initial);
  const [emails, setEmails] = useState(initial.assigneeEmails.join(', '));
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends Field>(key: K, value: CampaignFields[K]) => setFields((f) => ({ ...f, [key]: value }));
  const lang = i18n.language.startsWith('en') ? 'en' : 'fr';
  const indicatorById = new Map(options.indicators.map((i) => [i.id, i]));

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setErrors({});
    setGeneral(null);
    const missing: Partial<Record<Field, string>> = {};
    if (!fields.name.trim()) missing.name = t('campaignForm.required');
    for (const key of ['periodStart', 'periodEnd', 'deadline'] as const) if (!fields[key]) missing[key] = t('campaignForm.required');
    if (fields.indicatorIds.length === 0) missing.indicatorIds = t('campaignForm.required');
    if (fields.territoryCodes.length === 0) missing.territoryCodes = t('campaignForm.required');
    if (Object.keys(missing).length > 0) {
      setErrors(missing);
      return;
    }
    setBusy(true);
    try {
      await onSubmit({ ...fields, name: fields.name.trim(), assigneeEmails: splitEmails(emails) });
    } catch (error) {
      const { field, reason, message } = fieldError(error);
      const known = reason ? t(`campaignForm.errors.${reason}`, { defaultValue: '', name: fields.name.trim(), deadline: fields.deadline }) : '';
      const text = known || message;
      if (field && field in fields) setErrors({ [field as Field]: text });
      else setGeneral(text);
    } finally {
      setBusy(false);
    }
  };

  const dateField = (key: 'periodStart' | 'periodEnd' | 'deadline') => (
    <TextField
      type="date" label={t(`campaignForm.${key}`)} value={fields[key]} onChange={(e) => set(key, e.target.value)}
      error={Boolean(errors[key])} helperText={errors[key] ?? (key === 'deadline' ? t('campaignForm.deadlineHelp') : ' ')}
      slotProps={{ inputLabel: { shrink: true } }} required
    />
  );

  return (
    <Box component="form" noValidate onSubmit={(e) => void submit(e)} sx={{ display: 'grid', gap: 2, gridTemplateColumns: 'minmax(0, 1fr)', maxWidth: 760 }}>
      <TextField label={t('campaignForm.name')} value={fields.name} onChange={(e) => set('name', e.target.value)} error={Boolean(errors.name)} helperText={errors.name ?? ' '} required slotProps={{ htmlInput: { maxLength: 200 } }} />
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: 'minmax(0, 1fr)', sm: 'repeat(3, minmax(0, 1fr))' } }}>
        {dateField('periodStart')}
        {dateField('periodEnd')}
        {dateField('deadline')}
      </Box>
      <Autocomplete
        multiple filterSelectedOptions options={options.indicators.map((i) => i.id)} value={fields.indicatorIds}
        getOptionLabel={(id) => indicatorById.get(id)?.name ?? id}
        groupBy={(id) => indicatorById.get(id)?.policyName ?? ''}
        onChange={(_, ids) => set('indicatorIds', ids)}
        noOptionsText={t('campaignForm.noIndicator')}
        renderInput={(params) => <TextField {...params} label={t('campaignForm.indicators')} error={Boolean(errors.indicatorIds)} helperText={errors.indicatorIds ?? t('campaignForm.indicatorsHelp')} required={fields.indicatorIds.length === 0} />}
      />
      <TerritoryMultiPicker value={fields.territoryCodes} onChange={(codes) => set('territoryCodes', codes)} error={errors.territoryCodes} />
      <Autocomplete
        multiple filterSelectedOptions options={options.roles.map((r) => r.id)} value={fields.assigneeRoles}
        getOptionLabel={(id) => options.roles.find((r) => r.id === id)?.[lang] ?? id}
        onChange={(_, ids) => set('assigneeRoles', ids)}
        renderInput={(params) => <TextField {...params} label={t('campaignForm.roles')} error={Boolean(errors.assigneeRoles)} helperText={errors.assigneeRoles ?? t('campaignForm.rolesHelp')} />}
      />
      <TextField
        label={t('campaignForm.emails')} value={emails} onChange={(e) => setEmails(e.target.value)} multiline minRows={2}
        error={Boolean(errors.assigneeEmails)} helperText={errors.assigneeEmails ?? t('campaignForm.emailsHelp')}
      />
      <Box role="alert" aria-live="assertive">{general && <Alert severity="error">{general}</Alert>}</Box>
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
        <Button type="submit" variant="contained" disabled={busy}>{submitLabel}</Button>
        <Button type="button" onClick={onCancel} disabled={busy}>{t('campaignForm.cancel')}</Button>
      </Box>
    </Box>
  );
}
