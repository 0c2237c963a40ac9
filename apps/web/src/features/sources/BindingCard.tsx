import { Button, Card, CardContent, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mutate } from '../../api/mutate';
import { errorText } from '../account/errorText';
import { BindingForm } from './BindingForm';
import { DELETE_BINDING, PREVIEW, RUN_NOW, type SourceBinding, type SyncRun } from './sourcesApi';
import { SyncRunReport } from './SyncRunReport';

/** One binding on /admin/sources: its schedule and trust, last run, and run now, preview, edit, delete (two steps). */
export function BindingCard({ binding, onChanged, say }: { binding: SourceBinding; onChanged: () => void; say: (message: string) => void }) {
  const { t, i18n } = useTranslation('core');
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState<SyncRun | null>(null);
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const act = async (what: 'run' | 'preview' | 'delete') => {
    setBusy(true);
    try {
      if (what === 'run') {
        await mutate(RUN_NOW, { id: binding.id });
        say(t('sourcesAdmin.queued', { name: binding.name }));
      } else if (what === 'preview') {
        setPreview((await mutate(PREVIEW, { id: binding.id })).previewSourceBinding);
        say(t('sourcesAdmin.previewed', { name: binding.name }));
      } else {
        const removal = (await mutate(DELETE_BINDING, { id: binding.id })).deleteSourceBinding;
        say(removal.outcome === 'deleted' ? t('sourcesAdmin.delete.deleted', { name: binding.name }) : t(`sourcesAdmin.delete.archived.${removal.reason ?? 'has-runs'}`, { name: binding.name, runs: removal.runs, values: removal.values }));
      }
      onChanged();
    } catch (error) {
      say(errorText(error, t));
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };
  const titleId = `binding-${binding.id}`;
  return (
    <Card component="section" aria-labelledby={titleId} variant="outlined">
      <CardContent sx={{ display: 'grid', gap: 1, minWidth: 0 }}>
        <Typography component="h2" variant="h3" id={titleId} sx={{ overflowWrap: 'anywhere' }}>{binding.name}</Typography>
        <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
          {t('sourcesAdmin.sourceLine', { source: binding.source, id: binding.id })}
          {binding.sourceAvailable ? '' : ` — ${t('sourcesAdmin.sourceMissing')}`}
        </Typography>
        <Typography variant="body2">
          {binding.schedule ? t('sourcesAdmin.schedule', { cron: binding.schedule, next: binding.nextRunAt ? new Date(binding.nextRunAt).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'short' }) : '—' }) : t('sourcesAdmin.byHand')}
          {' · '}
          {binding.trusted ? t('sourcesAdmin.trusted') : t('sourcesAdmin.untrusted')}
          {binding.enabled ? '' : ` · ${t('sourcesAdmin.disabled')}`}
        </Typography>
        <Typography component="h3" variant="h4">{t('sourcesAdmin.lastRun')}</Typography>
        {binding.lastRun ? <SyncRunReport run={binding.lastRun} /> : <Typography variant="body2">{t('sourcesAdmin.never')}</Typography>}
        {preview && preview.id !== binding.lastRun?.id && (
          <>
            <Typography component="h3" variant="h4">{t('sourcesAdmin.preview')}</Typography>
            <SyncRunReport run={preview} />
          </>
        )}
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
          <Button variant="contained" size="small" disabled={busy || !binding.sourceAvailable} onClick={() => void act('run')} aria-label={t('sourcesAdmin.runNowFor', { name: binding.name })}>
            {t('sourcesAdmin.runNow')}
          </Button>
          <Button variant="outlined" size="small" disabled={busy || !binding.sourceAvailable} onClick={() => void act('preview')} aria-label={t('sourcesAdmin.previewFor', { name: binding.name })}>
            {t('sourcesAdmin.previewAction')}
          </Button>
          <Button variant="outlined" size="small" disabled={busy} aria-expanded={editing} onClick={() => setEditing((open) => !open)} aria-label={t('sourcesAdmin.edit.actionFor', { name: binding.name })}>
            {t('sourcesAdmin.edit.action')}
          </Button>
          {confirming ? (
            <>
              <Button variant="contained" color="error" size="small" disabled={busy} onClick={() => void act('delete')}>{t('sourcesAdmin.delete.confirm', { name: binding.name })}</Button>
              <Button variant="text" size="small" disabled={busy} onClick={() => setConfirming(false)}>{t('sourcesAdmin.edit.cancel')}</Button>
            </>
          ) : (
            <Button variant="outlined" color="error" size="small" disabled={busy} onClick={() => setConfirming(true)} aria-label={t('sourcesAdmin.delete.actionFor', { name: binding.name })}>
              {t('sourcesAdmin.delete.action')}
            </Button>
          )}
        </Stack>
        {confirming && <Typography variant="body2" role="alert">{t('sourcesAdmin.delete.explain')}</Typography>}
        {editing && (
          <BindingForm
            binding={binding}
            onCancel={() => setEditing(false)}
            onSaved={(name) => {
              setEditing(false);
              say(t('sourcesAdmin.edit.saved', { name }));
              onChanged();
            }}
          />
        )}
      </CardContent>
    </Card>
  );
}
