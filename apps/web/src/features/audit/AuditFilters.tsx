import { Box, Button, TextField } from '@mui/material';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AUDIT_ACTIONS, AUDIT_FILTER_KEYS, type AuditFilter } from './auditApi';

/** Who, what, which target, between which dates: applied when the form is sent (not at each key). */
export function AuditFilters({ value, onApply }: { value: AuditFilter; onApply: (filter: AuditFilter) => void }) {
  const { t } = useTranslation('core');
  const actionsId = useId();
  const [fields, setFields] = useState<AuditFilter>(value);
  useEffect(() => setFields(value), [value]);
  const set = (key: keyof AuditFilter, text: string) => setFields((current) => ({ ...current, [key]: text }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(fields);
  };
  const reset = () => {
    setFields({});
    onApply({});
  };
  const text = (key: Exclude<keyof AuditFilter, 'from' | 'to'>, extra: object = {}) => (
    <TextField size="small" label={t(`audit.filters.${key}`)} helperText={t(`audit.filters.${key}Help`)} value={fields[key] ?? ''} onChange={(e) => set(key, e.target.value)} {...extra} />
  );
  return (
    <Box component="form" role="search" aria-label={t('audit.filters.title')} onSubmit={submit} sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: 'minmax(0, 1fr)', sm: 'repeat(auto-fill, minmax(220px, 1fr))' }, alignItems: 'start' }}>
      {text('actor')}
      {text('action', { slotProps: { htmlInput: { list: actionsId } } })}
      <datalist id={actionsId}>
        {AUDIT_ACTIONS.map((action) => <option key={action} value={action} />)}
      </datalist>
      {text('target')}
      {(['from', 'to'] as const).map((key) => (
        <TextField key={key} size="small" type="date" label={t(`audit.filters.${key}`)} value={fields[key] ?? ''} onChange={(e) => set(key, e.target.value)} slotProps={{ inputLabel: { shrink: true } }} />
      ))}
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
        <Button type="submit" variant="contained">{t('audit.filters.apply')}</Button>
        <Button type="button" onClick={reset} disabled={AUDIT_FILTER_KEYS.every((key) => !value[key] && !fields[key])}>{t('audit.filters.reset')}</Button>
      </Box>
    </Box>
  );
}
