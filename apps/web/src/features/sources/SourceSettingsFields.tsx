import { Box, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { FieldValue, FormValues } from '../modules-admin/settingsFormValues';
import { SettingsFieldInput } from '../modules-admin/SettingsFieldInput';
import { toSdkField } from './bindingFormValues';
import type { AvailableSource } from './sourcesApi';

interface Props {
  source: AvailableSource;
  /** Prefix of the inputs' ids (several forms on one page). */
  idPrefix: string;
  values: FormValues;
  /** Problems by form field (`settings.url`…), already in the reader's words. */
  errors: Record<string, string>;
  onChange: (name: string, value: FieldValue) => void;
}

/**
 * The settings of the chosen source, one field per key of the settings schema its connector declares
 * (GraphQL `settingsFields`): labels from the module's i18n (`labelKey`, its `.help` next to it), the
 * schema's title otherwise. Objects and unions are edited as JSON text; secret settings take a name.
 */
export function SourceSettingsFields({ source, idPrefix, values, errors, onChange }: Props) {
  const { t } = useTranslation('core');
  const moduleId = source.ref.split('/')[0];
  return (
    <Box component="fieldset" sx={{ border: 0, p: 0, m: 0, minWidth: 0, display: 'grid', gap: 1.5, gridTemplateColumns: { xs: 'minmax(0, 1fr)', md: 'repeat(2, minmax(0, 1fr))' } }}>
      <Typography component="legend" variant="subtitle1" sx={{ mb: 1 }}>{t('sourcesAdmin.form.settingsTitle')}</Typography>
      {source.settingsFields.map((field) => {
        const label = t(field.labelKey, { defaultValue: field.title ?? field.name });
        const helpKey = field.labelKey.replace(/\.label$/, '.help');
        const help = field.secret ? t('sourcesAdmin.form.secretHelp') : t(helpKey, { defaultValue: '' }) || undefined;
        const inputId = `${idPrefix}-settings-${field.name}`;
        const error = errors[`settings.${field.name}`];
        if (field.type === 'json') {
          return (
            <TextField
              key={field.name} id={inputId} label={label} value={String(values[field.name] ?? '')} size="small" multiline minRows={2} required={field.required}
              error={Boolean(error)} helperText={error ?? [help, t('sourcesAdmin.form.jsonHelp')].filter(Boolean).join(' ')}
              onChange={(event) => onChange(field.name, event.target.value)} slotProps={{ htmlInput: { spellCheck: false } }}
            />
          );
        }
        // A namespace no bundle has: SettingsFieldInput then uses the label and help given here.
        return <SettingsFieldInput key={field.name} field={toSdkField(field, label, help)} moduleId={`${moduleId}/source`} inputId={inputId} value={values[field.name]} error={error} onChange={(value) => onChange(field.name, value)} />;
      })}
    </Box>
  );
}
