import { Alert, Box, Button, LinearProgress, Paper, Typography } from '@mui/material';
import { useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../api/useQuery';
import { WORKFLOW_SETTINGS_QUERY } from './entryApi';
import { ImportReportView } from './ImportReportView';
import { type ImportProgressState, type ImportReport, uploadImport } from './uploadImport';

type Phase = 'idle' | 'checking' | 'checked' | 'publishing' | 'done';

/** What the bar is about: the upload, then the server's steps (rows read so far while it reads). */
function progressText(progress: ImportProgressState, publishing: boolean, t: TFunction): string {
  switch (progress.step) {
    case 'upload': return t('importWizard.uploading', { percent: progress.percent ?? 0 });
    case 'reading': return t('importWizard.reading', { percent: Math.round(progress.percent ?? 0), rows: progress.rows ?? 0 });
    case 'writing': return t('importWizard.writing');
    case 'computing': return t('importWizard.computing');
    default: return publishing ? t('importWizard.publishing') : t('importWizard.processing');
  }
}

/** Upload → dry run (errors or preview of the rates) → publish; the same file is sent again to publish. */
export function ImportWizard() {
  const { t, i18n } = useTranslation('core');
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>('idle');
  const [progress, setProgress] = useState<ImportProgressState>({ step: 'upload', percent: 0 });
  const [report, setReport] = useState<ImportReport | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  // Unknown settings (signed out, older API): imports publish, as libs/import does.
  const settings = useQuery(WORKFLOW_SETTINGS_QUERY);
  const asProposals = settings.data?.workflowSettings.trustedImports === false;

  const send = async (dryRun: boolean) => {
    if (!file) return;
    setFailure(null);
    setPhase(dryRun ? 'checking' : 'publishing');
    setProgress({ step: 'upload', percent: 0 });
    try {
      const result = await uploadImport(file, { dryRun, asProposals, lang: i18n.language, onProgress: setProgress });
      setReport(result);
      setPhase(dryRun || result.status === 'invalid' ? 'checked' : 'done');
    } catch (error) {
      setFailure(t('importWizard.failed', { message: (error as Error).message }));
      setPhase(report ? 'checked' : 'idle');
    }
  };
  const restart = () => {
    setFile(null);
    setReport(null);
    setPhase('idle');
  };
  const busy = phase === 'checking' || phase === 'publishing';

  return (
    <Paper variant="outlined" sx={{ p: { xs: 2, sm: 3 }, display: 'grid', gap: 2, gridTemplateColumns: 'minmax(0, 1fr)' }} component="section" aria-labelledby="import-title">
      <Typography id="import-title" component="h1" variant="h1">{t('importWizard.title')}</Typography>
      <Typography>{t('importWizard.description')}</Typography>
      {phase !== 'done' && (
        <Box component="form" sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }} onSubmit={(e) => { e.preventDefault(); void send(true); }}>
          <label htmlFor="import-file">{t('importWizard.file')}</label>
          <input style={{ maxWidth: '100%' }} id="import-file" type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => { setFile(e.target.files?.[0] ?? null); setReport(null); setPhase('idle'); }} disabled={busy} />
          <Button type="submit" variant="contained" disabled={!file || busy}>{t('importWizard.check')}</Button>
        </Box>
      )}
      {busy && (
        <Box role="status" aria-live="polite">
          <Typography>{progressText(progress, phase === 'publishing', t)}</Typography>
          <LinearProgress variant={progress.percent !== null ? 'determinate' : 'indeterminate'} value={progress.percent ?? undefined} aria-label={t('importWizard.processing')} />
        </Box>
      )}
      {failure && <Alert severity="error" role="alert">{failure}</Alert>}
      {report && phase === 'checked' && <ImportReportView report={report} />}
      {report && phase === 'checked' && report.status === 'dry-run' && (
        <Box><Button variant="contained" color="primary" onClick={() => void send(false)} disabled={report.counts.wouldWrite === 0}>{t(asProposals ? 'importWizard.propose' : 'importWizard.publish', { count: report.counts.wouldWrite })}</Button></Box>
      )}
      {report && phase === 'done' && (
        <>
          <Alert severity="success" role="status">{report.status === 'proposed' ? t('importWizard.proposed', { count: report.proposals ?? 0 }) : report.status === 'published' ? t('importWizard.published', { count: report.counts.written }) : t('importWizard.unchanged')}</Alert>
          <ImportReportView report={report} />
          <Box><Button variant="outlined" onClick={restart}>{t('importWizard.restart')}</Button></Box>
        </>
      )}
    </Paper>
  );
}
