import { Alert, Box, Button, Stack } from '@mui/material';
import { setModuleSettings, type SettingsIssue } from '@pilote/module-sdk/web';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mutate } from '../../api/mutate';
import { type EnabledModule, enabledModuleOf, RESET_MODULE_SETTINGS, settingsIssuesOf, UPDATE_MODULE_SETTINGS } from './modulesAdminApi';
import { SettingsFieldInput } from './SettingsFieldInput';
import { type FormValues, toFormValues, toSettings } from './settingsFormValues';

export interface ModuleSettingsFormProps {
  module: EnabledModule;
  /** Called with the module as the server returns it after a save or a reset. */
  onSaved: (module: EnabledModule) => void;
}

/** The form generated from a module's settings schema; server problems are shown on their field. */
export function ModuleSettingsForm({ module, onSaved }: ModuleSettingsFormProps) {
  const { t } = useTranslation('core');
  const idPrefix = useId();
  const fields = module.settingsForm?.fields ?? [];
  const [values, setValues] = useState<FormValues>(() => toFormValues(fields, module.settings));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const inputId = (key: string) => `${idPrefix}-${key}`;

  // Focus the first field in error once it is rendered with its message.
  useEffect(() => {
    if (!focusKey) return;
    document.getElementById(inputId(focusKey))?.focus();
    setFocusKey(null);
  });

  const apply = (saved: EnabledModule, message: string) => {
    setValues(toFormValues(fields, saved.settings));
    setErrors({});
    setGeneral(null);
    setStatus(message);
    // Web parts see the change now, without a reload.
    setModuleSettings(saved.id, saved.publicSettings);
    onSaved(saved);
  };

  const showProblems = (issues: SettingsIssue[], error: unknown) => {
    const byKey: Record<string, string> = {};
    const elsewhere: string[] = [];
    for (const issue of issues) {
      const key = issue.path.split('.')[0];
      // The server's message is English: the reader's language writes the issue from its code.
      const message = t(`modulesAdmin.issues.${issue.code ?? 'invalid'}`, { ...issue.params, defaultValue: t('modulesAdmin.issues.invalid') });
      if (fields.some((field) => field.key === key && field.kind !== 'unsupported')) byKey[key] ??= message;
      else elsewhere.push(issue.path ? `${issue.path} : ${message}` : message);
    }
    setErrors(byKey);
    setGeneral(elsewhere.length ? elsewhere.join(' · ') : issues.length ? null : t('modulesAdmin.saveFailed', { message: error instanceof Error ? error.message : String(error) }));
    setStatus('');
    setFocusKey(fields.find((field) => byKey[field.key])?.key ?? null);
  };

  const run = async (work: () => Promise<EnabledModule>, message: string) => {
    setBusy(true);
    try {
      apply(await work(), message);
    } catch (error) {
      showProblems(settingsIssuesOf(error), error);
    } finally {
      setBusy(false);
    }
  };

  const save = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => enabledModuleOf((await mutate(UPDATE_MODULE_SETTINGS, { moduleId: module.id, settings: toSettings(fields, values) })).updateModuleSettings), t('modulesAdmin.saved'));
  };
  const reset = () => void run(async () => enabledModuleOf((await mutate(RESET_MODULE_SETTINGS, { moduleId: module.id })).resetModuleSettings), t('modulesAdmin.resetDone'));

  return (
    <Box component="form" noValidate onSubmit={save} aria-label={t('modulesAdmin.formLabel')}>
      <Stack spacing={2.5} sx={{ maxWidth: 640 }}>
        {fields.map((field) => (
          <SettingsFieldInput key={field.key} field={field} moduleId={module.id} inputId={inputId(field.key)} value={values[field.key]} error={errors[field.key]}
            onChange={(value) => setValues((previous) => ({ ...previous, [field.key]: value }))} />
        ))}
        {general && <Alert severity="error">{general}</Alert>}
        <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap' }}>
          <Button type="submit" variant="contained" disabled={busy}>{t('modulesAdmin.save')}</Button>
          <Button type="button" variant="outlined" disabled={busy || !module.hasOverrides} onClick={reset}>{t('modulesAdmin.reset')}</Button>
        </Stack>
        <Box role="status" aria-live="polite">{status && <Alert severity="success">{status}</Alert>}</Box>
      </Stack>
    </Box>
  );
}
