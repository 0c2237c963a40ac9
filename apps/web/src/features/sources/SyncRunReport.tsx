import { Box, List, ListItem, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { SyncRun } from './sourcesApi';

const dateTime = (iso: string, lng: string) => new Date(iso).toLocaleString(lng, { dateStyle: 'short', timeStyle: 'short' });

/** What one run read, accepted, refused (with where and why) and changed, or why the source failed. */
export function SyncRunReport({ run }: { run: SyncRun }) {
  const { t, i18n } = useTranslation('core');
  return (
    <Box sx={{ display: 'grid', gap: 0.5, minWidth: 0 }}>
      <Typography variant="body2">
        {t('sourcesAdmin.runLine', {
          status: t(`sourcesAdmin.status.${run.status}`, { defaultValue: run.status }),
          trigger: t(`sourcesAdmin.trigger.${run.trigger}`, { defaultValue: run.trigger }),
          date: dateTime(run.startedAt, i18n.language),
        })}
        {run.dryRun ? ` — ${t('sourcesAdmin.previewOnly')}` : ''}
      </Typography>
      <Typography variant="body2">
        {t('sourcesAdmin.counts', { read: run.rowsRead, accepted: run.valuesAccepted, refused: run.valuesRefused, changed: run.valuesChanged, rates: run.ratesChanged, seconds: ((run.durationMs ?? 0) / 1000).toFixed(1) })}
      </Typography>
      {run.errorCode && (
        <Typography variant="body2" color="error" sx={{ overflowWrap: 'anywhere' }}>
          {`${t(`sourcesAdmin.errors.${run.errorCode}`, { defaultValue: run.errorCode })} — ${run.errorMessage ?? ''}`}
        </Typography>
      )}
      {run.issues.length > 0 && (
        <List dense aria-label={t('sourcesAdmin.refusedList')} sx={{ p: 0 }}>
          {run.issues.map((issue) => (
            <ListItem key={`${issue.line}-${issue.column ?? ''}-${issue.code}`} sx={{ px: 0, overflowWrap: 'anywhere' }}>
              {t('sourcesAdmin.issue', { record: Math.max(issue.line - 1, 0), column: issue.column ?? '—', value: issue.value ?? '', code: t(`sourcesAdmin.issueCodes.${issue.code}`, { defaultValue: issue.code }) })}
            </ListItem>
          ))}
        </List>
      )}
    </Box>
  );
}
