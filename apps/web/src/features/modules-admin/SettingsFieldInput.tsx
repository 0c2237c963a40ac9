import { Checkbox, FormControl, FormControlLabel, FormGroup, FormHelperText, FormLabel, MenuItem, Switch, TextField } from '@mui/material';
import type { SettingsField } from '@pilote/module-sdk/web';
import { useTranslation } from 'react-i18next';
import type { FieldValue } from './settingsFormValues';

export interface SettingsFieldInputProps {
  field: SettingsField;
  /** The module's i18n namespace: `settings.<key>.label|help|options.<value>` override the schema's texts. */
  moduleId: string;
  /** Id of the focusable element (the first check box for a list). */
  inputId: string;
  value: FieldValue | undefined;
  error?: string;
  onChange: (value: FieldValue) => void;
}

/** One generated input: text, number, switch, select or check boxes, with its help or its error. */
export function SettingsFieldInput({ field, moduleId, inputId, value, error, onChange }: SettingsFieldInputProps) {
  const { t, i18n } = useTranslation('core');
  const text = (suffix: string, fallback: string | undefined) => {
    const key = `${moduleId}:settings.${field.key}.${suffix}`;
    return i18n.exists(key) ? t(key) : fallback;
  };
  const label = text('label', field.title) ?? field.key;
  const help = text('help', field.description);
  const optionLabel = (option: string) => text(`options.${option}`, option) ?? option;
  const helperId = `${inputId}-helper`;
  const helper = error ?? help;

  switch (field.kind) {
    case 'boolean':
      return (
        <FormControl error={Boolean(error)}>
          <FormControlLabel
            label={label}
            control={<Switch id={inputId} checked={value === true} onChange={(event) => onChange(event.target.checked)} slotProps={{ input: { 'aria-describedby': helper ? helperId : undefined, 'aria-invalid': Boolean(error) } }} />}
          />
          {helper && <FormHelperText id={helperId}>{helper}</FormHelperText>}
        </FormControl>
      );
    case 'enum-list': {
      const selected = Array.isArray(value) ? value : [];
      const toggle = (option: string, checked: boolean) => onChange(checked ? [...selected, option] : selected.filter((item) => item !== option));
      return (
        <FormControl component="fieldset" error={Boolean(error)} required={field.required} aria-describedby={helper ? helperId : undefined}>
          <FormLabel component="legend">{label}</FormLabel>
          <FormGroup row>
            {(field.options ?? []).map((option, index) => (
              <FormControlLabel
                key={option}
                label={optionLabel(option)}
                control={<Checkbox id={index === 0 ? inputId : undefined} checked={selected.includes(option)} onChange={(event) => toggle(option, event.target.checked)} slotProps={{ input: { 'aria-invalid': Boolean(error) } }} />}
              />
            ))}
          </FormGroup>
          {helper && <FormHelperText id={helperId}>{helper}</FormHelperText>}
        </FormControl>
      );
    }
    case 'enum':
      return (
        <TextField select id={inputId} label={label} value={typeof value === 'string' ? value : ''} required={field.required} error={Boolean(error)} helperText={helper}
          onChange={(event) => onChange(event.target.value)} fullWidth>
          {!field.required && <MenuItem value=""><em>{t('modulesAdmin.fromFile')}</em></MenuItem>}
          {(field.options ?? []).map((option) => <MenuItem key={option} value={option}>{optionLabel(option)}</MenuItem>)}
        </TextField>
      );
    case 'number':
    case 'integer':
      return (
        <TextField id={inputId} label={label} type="number" value={typeof value === 'string' ? value : ''} required={field.required} error={Boolean(error)} helperText={helper}
          onChange={(event) => onChange(event.target.value)}
          slotProps={{ htmlInput: { min: field.min, max: field.max, step: field.kind === 'integer' ? 1 : 'any', inputMode: field.kind === 'integer' ? 'numeric' : 'decimal' } }} />
      );
    case 'string-list':
      return (
        <TextField id={inputId} label={label} multiline minRows={2} value={typeof value === 'string' ? value : ''} required={field.required} error={Boolean(error)}
          helperText={error ?? (help ? `${help} ${t('modulesAdmin.onePerLine')}` : t('modulesAdmin.onePerLine'))} onChange={(event) => onChange(event.target.value)} fullWidth />
      );
    case 'string':
      return (
        <TextField id={inputId} label={label} value={typeof value === 'string' ? value : ''} required={field.required} error={Boolean(error)} helperText={helper}
          type={field.format === 'email' ? 'email' : field.format === 'uri' ? 'url' : 'text'}
          onChange={(event) => onChange(event.target.value)} slotProps={{ htmlInput: { minLength: field.min, maxLength: field.max } }} fullWidth />
      );
    case 'unsupported':
      return (
        <FormControl>
          <FormLabel id={inputId}>{label}</FormLabel>
          <FormHelperText>{t('modulesAdmin.unsupported')}</FormHelperText>
        </FormControl>
      );
  }
}
