import { Box, Button, Checkbox, FormControlLabel, MenuItem, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GraphQLRequestError } from '../../api/graphql';
import { mutate } from '../../api/mutate';
import { useQuery } from '../../api/useQuery';
import { errorText } from '../account/errorText';
import { type BindingDraft, draftFromBinding, emptyDraft, settingsOf, settingValuesOf, toInput } from './bindingFormValues';
import { problemText } from './bindingProblemText';
import { SourceSettingsFields } from './SourceSettingsFields';
import { AVAILABLE_SOURCES_QUERY, CREATE_BINDING, type DraftPreview, type FieldProblem, PREVIEW_DRAFT, type SourceBinding, UPDATE_BINDING } from './sourcesApi';

type TextKey = 'id' | 'name' | 'indicatorColumn' | 'territoryColumn' | 'dateColumn' | 'kindColumn' | 'valueColumn' | 'kindCodes' | 'schedule';
const COLUMNS: TextKey[] = ['indicatorColumn', 'territoryColumn', 'dateColumn', 'kindColumn', 'valueColumn'];

/** The API's problems of a refused form, by field, in the reader's words (several on one field are joined). */
function problemsOf(error: unknown, t: Parameters<typeof problemText>[0]): Record<string, string> | null {
  if (!(error instanceof GraphQLRequestError)) return null;
  const problems = (error.errors?.[0]?.extensions as { problems?: FieldProblem[] } | undefined)?.problems;
  if (!problems?.length) return null;
  const byField: Record<string, string> = {};
  for (const problem of problems) byField[problem.field] = [byField[problem.field], problemText(t, problem)].filter(Boolean).join(' · ');
  return byField;
}

/**
 * Creating (no `binding`) or editing a source binding on /admin/sources: connector, its settings drawn
 * from the connector's settings schema, the record fields, schedule, trust; preview first (nothing written).
 */
export function BindingForm({ binding, onSaved, onCancel }: { binding?: SourceBinding; onSaved: (name: string) => void; onCancel?: () => void }) {
  const { t, i18n } = useTranslation('core');
  const { data } = useQuery(AVAILABLE_SOURCES_QUERY, {});
  const [draft, setDraft] = useState<BindingDraft>(() => (binding ? draftFromBinding(binding) : emptyDraft()));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [preview, setPreview] = useState<DraftPreview | null>(null);
  const [busy, setBusy] = useState(false);
  const editing = Boolean(binding);
  const prefix = binding ? `binding-edit-${binding.id}` : 'binding-new';
  const sources = data?.availableSources ?? [];
  const chosen = sources.find((source) => source.ref === draft.source);
  // The settings inputs follow the chosen source: an edited binding's own settings for its source, the defaults otherwise.
  useEffect(() => {
    if (!chosen || draft.valuesFor === chosen.ref) return;
    setDraft((all) => ({ ...all, valuesFor: chosen.ref, settingValues: settingValuesOf(chosen.settingsFields, binding && binding.source === chosen.ref ? all.initialSettings : {}) }));
  }, [chosen, draft.valuesFor, binding]);
  const set = (key: keyof BindingDraft, value: string | boolean) => setDraft((all) => ({ ...all, [key]: value }));
  const field = (key: TextKey, extra: { helper?: string; multiline?: boolean; required?: boolean; readOnly?: boolean } = {}) => (
    <TextField
      key={key} id={`${prefix}-${key}`} label={t(`sourcesAdmin.create.${key}`)} value={draft[key]} size="small" required={extra.required ?? false}
      onChange={(event) => set(key, event.target.value)} error={Boolean(errors[key])} helperText={errors[key] ?? extra.helper}
      multiline={extra.multiline} minRows={extra.multiline ? 3 : undefined} slotProps={{ htmlInput: { spellCheck: false, readOnly: extra.readOnly } }}
    />
  );
  const send = async (what: 'preview' | 'save') => {
    setMessage(null);
    setErrors({});
    const { settings, invalid } = settingsOf(chosen?.settingsFields ?? [], draft.settingValues);
    if (invalid.length > 0) {
      setErrors(Object.fromEntries(invalid.map((name) => [name, problemText(t, { code: 'invalid-json' })])));
      setMessage(t('sourcesAdmin.create.invalid', { count: invalid.length }));
      return;
    }
    const input = toInput(draft, settings);
    setBusy(true);
    try {
      if (what === 'preview') {
        setPreview((await mutate(PREVIEW_DRAFT, { input })).previewSourceBindingDraft);
      } else {
        if (editing) await mutate(UPDATE_BINDING, { input });
        else await mutate(CREATE_BINDING, { input });
        if (!editing) {
          setDraft(emptyDraft());
          setPreview(null);
        }
        onSaved(input.name);
      }
    } catch (error) {
      const byField = problemsOf(error, t);
      if (byField) {
        setErrors(byField);
        setMessage(t('sourcesAdmin.create.invalid', { count: Object.keys(byField).length }));
      } else setMessage(errorText(error, t));
    } finally {
      setBusy(false);
    }
  };
  const titleId = `${prefix}-title`;
  return (
    <Box component="form" noValidate aria-labelledby={titleId} onSubmit={(event) => { event.preventDefault(); void send('save'); }} sx={{ display: 'grid', gap: 1.5, minWidth: 0 }}>
      <Typography component={editing ? 'h3' : 'h2'} variant={editing ? 'h4' : 'h3'} id={titleId}>{editing ? t('sourcesAdmin.edit.title', { name: binding?.name }) : t('sourcesAdmin.create.title')}</Typography>
      {!editing && <Typography variant="body2" color="text.secondary">{t('sourcesAdmin.create.intro')}</Typography>}
      <Box sx={{ display: 'grid', gap: 1.5, gridTemplateColumns: { xs: 'minmax(0, 1fr)', md: 'repeat(2, minmax(0, 1fr))' } }}>
        {field('id', { helper: editing ? t('sourcesAdmin.edit.idFixed') : t('sourcesAdmin.create.idHelp'), required: true, readOnly: editing })}
        {field('name', { required: true })}
        <TextField
          select id={`${prefix}-source`} label={t('sourcesAdmin.create.source')} value={chosen ? draft.source : ''} size="small" required onChange={(event) => set('source', event.target.value)}
          error={Boolean(errors.source)} helperText={errors.source}
        >
          {sources.map((source) => <MenuItem key={source.ref} value={source.ref}>{`${i18n.language.startsWith('en') ? source.nameEn : source.nameFr} (${source.ref})`}</MenuItem>)}
        </TextField>
        {field('schedule', { helper: errors.schedule ? undefined : t('sourcesAdmin.form.scheduleHelp') })}
      </Box>
      {errors.settings && <Typography variant="body2" color="error" role="alert">{errors.settings}</Typography>}
      {chosen ? (
        <SourceSettingsFields source={chosen} idPrefix={prefix} values={draft.settingValues} errors={errors} onChange={(name, value) => setDraft((all) => ({ ...all, settingValues: { ...all.settingValues, [name]: value } }))} />
      ) : (
        <Typography variant="body2" color="text.secondary">{t('sourcesAdmin.form.chooseSource')}</Typography>
      )}
      <Box sx={{ display: 'grid', gap: 1.5, gridTemplateColumns: { xs: 'minmax(0, 1fr)', sm: 'repeat(2, minmax(0, 1fr))', md: 'repeat(3, minmax(0, 1fr))' } }}>
        {COLUMNS.map((key) => field(key, { required: key !== 'kindColumn' && key !== 'valueColumn' }))}
        {field('kindCodes', { helper: t('sourcesAdmin.create.kindCodesHelp') })}
      </Box>
      <Stack direction="row" useFlexGap sx={{ flexWrap: 'wrap', columnGap: 2 }}>
        <FormControlLabel control={<Checkbox checked={draft.trusted} onChange={(event) => set('trusted', event.target.checked)} />} label={t('sourcesAdmin.create.trusted')} />
        <FormControlLabel control={<Checkbox checked={draft.enabled} onChange={(event) => set('enabled', event.target.checked)} />} label={t('sourcesAdmin.form.enabled')} />
      </Stack>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <Button variant="outlined" disabled={busy} onClick={() => void send('preview')}>{t('sourcesAdmin.create.preview')}</Button>
        <Button variant="contained" type="submit" disabled={busy}>{editing ? t('sourcesAdmin.edit.submit') : t('sourcesAdmin.create.submit')}</Button>
        {onCancel && <Button variant="text" disabled={busy} onClick={onCancel}>{t('sourcesAdmin.edit.cancel')}</Button>}
      </Stack>
      <Typography role="status">{message}</Typography>
      {preview && <DraftPreviewReport preview={preview} />}
    </Box>
  );
}

function DraftPreviewReport({ preview }: { preview: DraftPreview }) {
  const { t } = useTranslation('core');
  return (
    <Box sx={{ display: 'grid', gap: 0.5, minWidth: 0 }}>
      <Typography component="h3" variant="h4">{t('sourcesAdmin.create.previewTitle')}</Typography>
      {preview.errorCode && (
        <Typography variant="body2" color="error" sx={{ overflowWrap: 'anywhere' }}>{`${t(`sourcesAdmin.errors.${preview.errorCode}`, { defaultValue: preview.errorCode })} — ${preview.errorMessage ?? ''}`}</Typography>
      )}
      <Typography variant="body2">
        {t('sourcesAdmin.create.previewCounts', { read: preview.rowsRead, accepted: preview.valuesAccepted, refused: preview.valuesRefused, write: preview.wouldWrite, unchanged: preview.unchanged, rates: preview.ratesChanged })}
      </Typography>
      {preview.issues.map((issue) => (
        <Typography key={`${issue.line}-${issue.column ?? ''}-${issue.code}`} variant="body2" color="error" sx={{ overflowWrap: 'anywhere' }}>
          {t('sourcesAdmin.issue', { record: Math.max(issue.line - 1, 0), column: issue.column ?? '—', value: issue.value ?? '', code: t(`sourcesAdmin.issueCodes.${issue.code}`, { defaultValue: issue.code }) })}
        </Typography>
      ))}
      {preview.sample.length === 0 ? (
        !preview.errorCode && <Typography variant="body2">{t('sourcesAdmin.create.nothingRead')}</Typography>
      ) : (
        <Box sx={{ overflowX: 'auto' }}>
          <Table size="small">
            <caption>{t('sourcesAdmin.create.sampleCaption')}</caption>
            <TableHead><TableRow>{preview.columns.map((column) => <TableCell key={column} component="th" scope="col">{column}</TableCell>)}</TableRow></TableHead>
            <TableBody>
              {preview.sample.map((row, index) => (
                <TableRow key={index}>{row.map((cell, column) => <TableCell key={column}>{cell}</TableCell>)}</TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      )}
    </Box>
  );
}
