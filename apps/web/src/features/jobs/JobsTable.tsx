import { Button, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { TableScroll } from '../tables/TableScroll';
import type { Job } from './jobsApi';

const dateTime = (iso: string, lng: string) => new Date(iso).toLocaleString(lng, { dateStyle: 'short', timeStyle: 'short' });

/** Jobs as a table; a parked (failed) job has a "Retry" button named after its kind and date. */
export function JobsTable({ caption, jobs, onRetry, busyId }: { caption: string; jobs: Job[]; onRetry: (job: Job) => void; busyId: string | null }) {
  const { t, i18n } = useTranslation('core');
  const lng = i18n.language;
  return (
    <TableScroll label={caption} background="background.default">
      <Table size="small">
        <caption>{caption}</caption>
        <TableHead>
          <TableRow>
            <TableCell component="th" scope="col">{t('jobsAdmin.kind')}</TableCell>
            <TableCell component="th" scope="col">{t('jobsAdmin.state')}</TableCell>
            <TableCell component="th" scope="col">{t('jobsAdmin.attempts')}</TableCell>
            <TableCell component="th" scope="col">{t('jobsAdmin.created')}</TableCell>
            <TableCell component="th" scope="col">{t('jobsAdmin.lastError')}</TableCell>
            <TableCell component="th" scope="col">{t('jobsAdmin.action')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {jobs.map((job) => (
            <TableRow key={job.id}>
              <TableCell sx={{ overflowWrap: 'anywhere' }}>{job.kind}</TableCell>
              <TableCell>
                {t(`jobsAdmin.states.${job.state}`, { defaultValue: job.state })}
                {job.state === 'retry' ? ` — ${t('jobsAdmin.nextAttempt', { date: dateTime(job.runAfter, lng) })}` : ''}
              </TableCell>
              <TableCell>{t('jobsAdmin.attemptsOf', { attempts: job.attempts, max: job.maxAttempts })}</TableCell>
              <TableCell>{dateTime(job.createdAt, lng)}</TableCell>
              <TableCell sx={{ overflowWrap: 'anywhere' }}>{job.lastError ?? ''}</TableCell>
              <TableCell>
                {job.state === 'failed' && (
                  <Button size="small" variant="outlined" disabled={busyId === job.id} onClick={() => onRetry(job)}
                    aria-label={t('jobsAdmin.retryFor', { kind: job.kind, date: dateTime(job.createdAt, lng) })}>
                    {t('jobsAdmin.retry')}
                  </Button>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableScroll>
  );
}
