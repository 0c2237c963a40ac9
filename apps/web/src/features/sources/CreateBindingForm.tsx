import { Box, Button, Checkbox, FormControlLabel, MenuItem, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GraphQLRequestError } from '../../api/graphql';
import { mutate } from '../../api/mutate';
import { useQuery } from '../../api/useQuery';
import { AVAILABLE_SOURCES_QUERY, type AvailableSource, type BindingForm, CREATE_BINDING, type DraftPreview, type FieldProblem, PREVIEW_DRAFT } from './sourcesApi';

const EMPTY: BindingForm = {
  id: '', name: '', source: '', settings: '{\n  "url": ""\n}', indicatorColumn: '', territoryColumn: '', dateColumn: '', kindColumn: '', valueColumn: '', kindCodes: '', schedule: '', trusted: false,
};
type TextKey = Exclude<keyof BindingForm, 'trusted'>;
const COLUMNS: TextKey[] = ['indicatorColumn', 'territoryColumn', 'dateColumn', 'kindColumn', 'valueColumn'];

/** The API's problems of a refused form, by field (several on one field are joined). */
function problemsOf(error: unknown): Record<string, string> | null {
  if (!(error instanceof GraphQLRequestError)) return null;
  const problems = (error.errors?.[0]?.extensions as { problems?: FieldProblem[] } | undefined)?.problems;
  if (!problems?.length) return null;
  const byField: Record<string, string> = {};
  for (const problem of problems) byField[problem.field] = [byField[problem.field], `${problem.path}: ${problem.message}`].filter(Boolean).join(' · ');
  return byField;
}

/** Creating a source binding from /admin/sources: connector, settings, the record fields, schedule; preview first (nothing written). */
export function CreateBindingForm({ onCreated }: { onCreated: () => void }) {
  const { t, i18n } = useTranslation('core');
  const { data } = useQuery<{ availableSources: AvailableSource[] }>(AVAILABLE_SOURCES_QUERY, {});
  const [form, setForm] = useState<BindingForm>(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [preview, setPreview] = useState<DraftPreview | null>(null);
  const [busy, setBusy] = useState(false);
  const sources = data?.availableSources ?? [];
  const chosen = sources.find((source) => source.ref === form.source);
  const set = (key: keyof BindingForm, value: string | boolean) => setForm((all) => ({ ...all, [key]: value }));
  const field = (key: TextKey, extra: { helper?: string; multiline?: boolean; required?: boolean } = {}) => (
    <TextField
      key={key} id={`binding-${key}`} label={t(`sourcesAdmin.create.${key}`)} value={form[key]} size="small" required={extra.required ?? false}
      onChange={(event) => set(key, event.target.value)} error={Boolean(errors[key])} helperText={errors[key] ?? extra.helper}
      multiline={extra.multiline} minRows={extra.multiline ? 3 : undefined} slotProps={{ htmlInput: { spellCheck: false } }}
    />
  );
  const send = async (what: 'preview' | 'create') => {
    setBusy(true);
    setMessage(null);
    setErrors({});
    try {
      if (what === 'preview') {
        setPreview((await mutate<{ previewSourceBindingDraft: DraftPreview }>(PREVIEW_DRAFT, { input: form })).previewSourceBindingDraft);
      } else {
        await mutate(CREATE_BINDING, { input: form });
        setMessage(t('sourcesAdmin.create.created', { name: form.name }));
        setForm(EMPTY);
        setPreview(null);
        onCreated();
      }
    } catch (error) {
      const byField = problemsOf(error);
      if (byField) {
        setErrors(byField);
        setMessage(t('sourcesAdmin.create.invalid', { count: Object.keys(byField).length }));
      } else setMessage(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Box component="form" noValidate aria-labelledby="binding-create-title" onSubmit={(event) => { event.preventDefault(); void send('create'); }} sx={{ display: 'grid', gap: 1.5, minWidth: 0 }}>
      <Typography component="h2" variant="h3" id="binding-create-title">{t('sourcesAdmin.create.title')}</Typography>
      <Typography variant="body2" color="text.secondary">{t('sourcesAdmin.create.intro')}</Typography>
      <Box sx={{ display: 'grid', gap: 1.5, gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' } }}>
        {field('id', { helper: t('sourcesAdmin.create.idHelp'), required: true })}
        {field('name', { required: true })}
        <TextField
          select id="binding-source" label={t('sourcesAdmin.create.source')} value={form.source} size="small" required onChange={(event) => set('source', event.target.value)}
          error={Boolean(errors.source)} helperText={errors.source}
        >
          {sources.map((source) => <MenuItem key={source.ref} value={source.ref}>{`${i18n.language.startsWith('en') ? source.nameEn : source.nameFr} (${source.ref})`}</MenuItem>)}
        </TextField>
        {field('schedule')}
      </Box>
      {field('settings', { multiline: true, required: true, helper: chosen ? t('sourcesAdmin.create.settingsHelp', { keys: chosen.settingsKeys.join(', '), required: chosen.requiredSettings.join(', ') || '—' }) : undefined })}
      <Box sx={{ display: 'grid', gap: 1.5, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr', md: 'repeat(3, 1fr)' } }}>
        {COLUMNS.map((key) => field(key, { required: true }))}
        {field('kindCodes', { helper: t('sourcesAdmin.create.kindCodesHelp') })}
      </Box>
      <FormControlLabel control={<Checkbox checked={form.trusted} onChange={(event) => set('trusted', event.target.checked)} />} label={t('sourcesAdmin.create.trusted')} />
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <Button variant="outlined" disabled={busy} onClick={() => void send('preview')}>{t('sourcesAdmin.create.preview')}</Button>
        <Button variant="contained" type="submit" disabled={busy}>{t('sourcesAdmin.create.submit')}</Button>
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
