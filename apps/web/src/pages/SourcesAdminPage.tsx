import { Box, Button, Card, CardContent, Stack, Typography } from '@mui/material';
import { EmptyState, ErrorState, LoadingState } from '@pilote/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mutate } from '../api/mutate';
import { useQuery } from '../api/useQuery';
import { errorText } from '../features/account/errorText';
import { SignInRequired } from '../features/account/SignInRequired';
import { PREVIEW, RUN_NOW, type SourceBinding, SOURCE_BINDINGS_QUERY, type SyncRun } from '../features/sources/sourcesApi';
import { CreateBindingForm } from '../features/sources/CreateBindingForm';
import { SyncRunReport } from '../features/sources/SyncRunReport';
import { useSession } from '../session/SessionContext';

/** `/admin/sources`: source bindings with their last run's report; run now or preview; create one (administrators). */
export default function SourcesAdminPage() {
  const { t, i18n } = useTranslation('core');
  const session = useSession();
  const signedIn = Boolean(session.info?.authenticated);
  const { data, loading, error, refetch } = useQuery<{ sourceBindings: SourceBinding[] }>(SOURCE_BINDINGS_QUERY, {}, { skip: !signedIn });
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [previews, setPreviews] = useState<Record<string, SyncRun>>({});
  if (!session.info) return <LoadingState />;
  if (!signedIn) return <SignInRequired />;
  const act = async (binding: SourceBinding, what: 'run' | 'preview') => {
    setBusy(`${what}:${binding.id}`);
    setMessage(null);
    try {
      if (what === 'run') {
        await mutate(RUN_NOW, { id: binding.id });
        setMessage(t('sourcesAdmin.queued', { name: binding.name }));
      } else {
        const result = await mutate<{ previewSourceBinding: SyncRun }>(PREVIEW, { id: binding.id });
        setPreviews((all) => ({ ...all, [binding.id]: result.previewSourceBinding }));
        setMessage(t('sourcesAdmin.previewed', { name: binding.name }));
      }
      refetch();
    } catch (e) {
      setMessage(errorText(e, t));
    } finally {
      setBusy(null);
    }
  };
  const bindings = data?.sourceBindings ?? [];
  return (
    <Box sx={{ display: 'grid', gap: 2, maxWidth: 1200, minWidth: 0 }}>
      <Typography component="h1" variant="h1">{t('sourcesAdmin.title')}</Typography>
      <Typography color="text.secondary">{t('sourcesAdmin.intro')}</Typography>
      <Typography role="status">{message}</Typography>
      <Card variant="outlined">
        <CardContent sx={{ minWidth: 0 }}>
          <CreateBindingForm onCreated={refetch} />
        </CardContent>
      </Card>
      {loading && !data ? (
        <LoadingState />
      ) : error && !data ? (
        <ErrorState error={error} action={{ label: t('app.retry'), onClick: refetch }} />
      ) : bindings.length === 0 ? (
        <EmptyState title={t('sourcesAdmin.emptyTitle')} description={t('sourcesAdmin.emptyDescription')} />
      ) : (
        bindings.map((binding) => (
          <Card key={binding.id} component="section" aria-labelledby={`binding-${binding.id}`} variant="outlined">
            <CardContent sx={{ display: 'grid', gap: 1, minWidth: 0 }}>
              <Typography component="h2" variant="h3" id={`binding-${binding.id}`} sx={{ overflowWrap: 'anywhere' }}>{binding.name}</Typography>
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
              {previews[binding.id] && previews[binding.id].id !== binding.lastRun?.id && (
                <>
                  <Typography component="h3" variant="h4">{t('sourcesAdmin.preview')}</Typography>
                  <SyncRunReport run={previews[binding.id]} />
                </>
              )}
              <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
                <Button variant="contained" size="small" disabled={busy !== null || !binding.sourceAvailable} onClick={() => void act(binding, 'run')} aria-label={t('sourcesAdmin.runNowFor', { name: binding.name })}>
                  {t('sourcesAdmin.runNow')}
                </Button>
                <Button variant="outlined" size="small" disabled={busy !== null || !binding.sourceAvailable} onClick={() => void act(binding, 'preview')} aria-label={t('sourcesAdmin.previewFor', { name: binding.name })}>
                  {t('sourcesAdmin.previewAction')}
                </Button>
              </Stack>
            </CardContent>
          </Card>
        ))
      )}
    </Box>
  );
}
