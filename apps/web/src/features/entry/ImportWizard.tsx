import { Alert, Box, Button, LinearProgress, Paper, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../api/useQuery';
import { ImportReportView } from './ImportReportView';
import { type ImportReport, uploadImport } from './uploadImport';

type Phase = 'idle' | 'checking' | 'checked' | 'publishing' | 'done';

/** Upload → dry run (errors or preview of the rates) → publish; the same file is sent again to publish. */
export function ImportWizard() {
  const { t, i18n } = useTranslation('core');
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>('idle');
  const [percent, setPercent] = useState<number | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  // Unknown settings (signed out, older API): imports publish, as libs/import does.
  const settings = useQuery<{ workflowSettings: { trustedImports: boolean } }>('query WorkflowSettings { workflowSettings { trustedImports } }');
  const asProposals = settings.data?.workflowSettings.trustedImports === false;

  const send = async (dryRun: boolean) => {
    if (!file) return;
    setFailure(null);
    setPhase(dryRun ? 'checking' : 'publishing');
    setPercent(0);
    try {
      const result = await uploadImport(file, { dryRun, asProposals, lang: i18n.language, onProgress: setPercent });
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
    <Paper variant="outlined" sx={{ p: 3, display: 'grid', gap: 2 }} component="section" aria-labelledby="import-title">
      <Typography id="import-title" component="h1" variant="h1">{t('importWizard.title')}</Typography>
      <Typography>{t('importWizard.description')}</Typography>
      {phase !== 'done' && (
        <Box component="form" sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }} onSubmit={(e) => { e.preventDefault(); void send(true); }}>
          <label htmlFor="import-file">{t('importWizard.file')}</label>
          <input id="import-file" type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => { setFile(e.target.files?.[0] ?? null); setReport(null); setPhase('idle'); }} disabled={busy} />
          <Button type="submit" variant="contained" disabled={!file || busy}>{t('importWizard.check')}</Button>
        </Box>
      )}
      {busy && (
        <Box role="status" aria-live="polite">
          <Typography>{percent !== null && percent < 100 ? t('importWizard.uploading', { percent }) : phase === 'publishing' ? t('importWizard.publishing') : t('importWizard.processing')}</Typography>
          <LinearProgress variant={percent !== null && percent < 100 ? 'determinate' : 'indeterminate'} value={percent ?? undefined} aria-label={t('importWizard.processing')} />
        </Box>
      )}
      {failure && <Alert severity="error" role="alert">{failure}</Alert>}
      {report && phase === 'checked' && <ImportReportView report={report} />}
      {report && phase === 'checked' && report.status === 'dry-run' && (
        <Box><Button variant="contained" color="primary" onClick={() => void send(false)} disabled={report.counts.wouldWrite === 0}>{t(asProposals ? 'importWizard.propose' : 'importWizard.publish', { count: report.counts.wouldWrite })}</Button></Box>
      )}
      {report && phase === 'done' && (
        <>
          <Alert severity="success" role="status">{report.status === 'proposed' ? t('importWizard.proposed', { count: report.proposals ?? 0 }) : report.status === 'published' ? t('importWizard.published', { written: report.counts.written }) : t('importWizard.unchanged')}</Alert>
          <ImportReportView report={report} />
          <Box><Button variant="outlined" onClick={restart}>{t('importWizard.restart')}</Button></Box>
        </>
      )}
    </Paper>
  );
}
