import { Alert, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { TableScroll } from '../tables/TableScroll';
import type { RateEffect } from './entryTypes';
import { RateEffectTable } from './RateEffectTable';
import type { ImportReport } from './uploadImport';
import type { TFunction } from 'i18next';

/** "dont 3 nouvelles et 12 plus anciennes…": a value dated before its series' latest one completes the history, it is not news. */
export function newsText(report: Pick<ImportReport, 'counts'>, t: TFunction): string {
  const older = report.counts.older ?? 0;
  const fresh = t('importWizard.newValues', { count: report.counts.wouldWrite - older });
  return older > 0 ? `${fresh} ${t('importWizard.olderValues', { count: older })}` : fresh;
}

/** The dry-run report: errors by line and column, or the rates before → after. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const { t } = useTranslation('core');
  if (report.status === 'invalid') {
    return (
      <>
        <Alert severity="error">{t('importWizard.errors', { count: report.counts.errors })}</Alert>
        <TableScroll label={t('importWizard.errors', { count: report.counts.errors })}><Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{t('importWizard.line')}</TableCell>
              <TableCell>{t('importWizard.column')}</TableCell>
              <TableCell>{t('importWizard.cellValue')}</TableCell>
              <TableCell>{t('importWizard.message')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {report.errors.map((issue, index) => (
              <TableRow key={`${issue.line}-${issue.column ?? ''}-${index}`}>
                <TableCell>{issue.line || '—'}</TableCell>
                <TableCell>{issue.column ?? '—'}</TableCell>
                <TableCell sx={{ fontFamily: 'monospace' }}>{issue.value ?? ''}</TableCell>
                <TableCell>{issue.message}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table></TableScroll>
      </>
    );
  }
  const rows: RateEffect[] = [
    ...(report.preview?.policies.rows ?? []).map((r) => ({ ...r, scope: 'policy' as const })),
    ...(report.preview?.indicators.rows ?? []).map((r) => ({ ...r, scope: 'indicator' as const })),
  ].filter((r) => r.changed);
  return (
    <>
      {report.counts.warnings > 0 && (
        <Alert severity="warning">
          {t('importWizard.warnings', { count: report.counts.warnings })}
          <ul>{report.warnings.slice(0, 20).map((w, i) => <li key={i}>{w.line ? `${t('importWizard.line')} ${w.line} : ` : ''}{w.message}</li>)}</ul>
        </Alert>
      )}
      {report.status === 'dry-run' && <Typography>{t('importWizard.valid', { count: report.counts.values, news: newsText(report, t) })}</Typography>}
      <RateEffectTable rows={rows} title={t('importWizard.preview')} empty={t('importWizard.noChange')} />
    </>
  );
}
