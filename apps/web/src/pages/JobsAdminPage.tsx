import { Box, MenuItem, TextField, Typography } from '@mui/material';
import { EmptyState, ErrorState, LoadingState } from '@pilote/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mutate } from '../api/mutate';
import { useQuery } from '../api/useQuery';
import { errorText } from '../features/account/errorText';
import { SignInRequired } from '../features/account/SignInRequired';
import { type Job, JOB_STATES, JOBS_QUERY, RETRY_JOB } from '../features/jobs/jobsApi';
import { JobsTable } from '../features/jobs/JobsTable';
import { useSession } from '../session/SessionContext';

/** `/admin/jobs`: background jobs (e-mails, scheduled tasks) by state, with a retry for parked ones (administrators). */
export default function JobsAdminPage() {
  const { t } = useTranslation('core');
  const session = useSession();
  const signedIn = Boolean(session.info?.authenticated);
  const [state, setState] = useState<string>('failed');
  const { data, loading, error, refetch } = useQuery(JOBS_QUERY, { state: state || null }, { skip: !signedIn });
  const [message, setMessage] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  if (!session.info) return <LoadingState />;
  if (!signedIn) return <SignInRequired />;
  const retry = async (job: Job) => {
    setBusyId(job.id);
    setMessage(null);
    try {
      await mutate(RETRY_JOB, { id: job.id });
      setMessage(t('jobsAdmin.retried', { kind: job.kind }));
      refetch();
    } catch (e) {
      setMessage(errorText(e, t));
    } finally {
      setBusyId(null);
    }
  };
  const totals = new Map<string, number>();
  for (const count of data?.jobCounts ?? []) totals.set(count.state, (totals.get(count.state) ?? 0) + count.count);
  const jobs = data?.jobs ?? [];
  const stateLabel = (value: string) => t(`jobsAdmin.states.${value}`, { defaultValue: value });
  return (
    <Box sx={{ display: 'grid', gap: 2, maxWidth: 1200, minWidth: 0 }}>
      <Typography component="h1" variant="h1">{t('jobsAdmin.title')}</Typography>
      <Typography color="text.secondary">{t('jobsAdmin.intro')}</Typography>
      <TextField select size="small" label={t('jobsAdmin.filter')} value={state} onChange={(e) => setState(e.target.value)} sx={{ maxWidth: 320 }}>
        <MenuItem value="">{t('jobsAdmin.allStates')}</MenuItem>
        {JOB_STATES.map((value) => (
          <MenuItem key={value} value={value}>{`${stateLabel(value)} (${totals.get(value) ?? 0})`}</MenuItem>
        ))}
      </TextField>
      <Typography role="status">{message}</Typography>
      {loading && !data ? (
        <LoadingState />
      ) : error && !data ? (
        <ErrorState error={error} action={{ label: t('app.retry'), onClick: refetch }} />
      ) : jobs.length === 0 ? (
        <EmptyState title={state ? t('jobsAdmin.emptyTitle', { state: stateLabel(state) }) : t('jobsAdmin.emptyAllTitle')} description={t('jobsAdmin.emptyDescription')} />
      ) : (
        <JobsTable caption={state ? t('jobsAdmin.captionState', { state: stateLabel(state) }) : t('jobsAdmin.title')} jobs={jobs} onRetry={(job) => void retry(job)} busyId={busyId} />
      )}
    </Box>
  );
}
