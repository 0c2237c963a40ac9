import { Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { VisuallyHidden } from '@pilote/ui';
import { useTranslation } from 'react-i18next';
import { TableScroll } from '../tables/TableScroll';
import type { AuditEntry } from './auditApi';
import { describeChange } from './describeChange';

/** One audit line per row: when, who, what, on which target, old → new field by field. */
export function AuditTable({ entries, caption }: { entries: AuditEntry[]; caption: string }) {
  const { t, i18n } = useTranslation('core');
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'medium' });
  const who = (entry: AuditEntry) => entry.actorEmail ?? t(`audit.actorKinds.${entry.actorKind}`, { defaultValue: entry.actorKind });
  const empty = t('audit.none');
  return (
    <TableScroll label={caption}>
      <Table size="small">
        <caption>{caption}</caption>
        <TableHead>
          <TableRow>
            <TableCell component="th" scope="col">{t('audit.columns.at')}</TableCell>
            <TableCell component="th" scope="col">{t('audit.columns.actor')}</TableCell>
            <TableCell component="th" scope="col">{t('audit.columns.action')}</TableCell>
            <TableCell component="th" scope="col">{t('audit.columns.target')}</TableCell>
            <TableCell component="th" scope="col">{t('audit.columns.change')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {entries.map((entry) => (
            <TableRow key={entry.id}>
              <TableCell component="th" scope="row" sx={{ whiteSpace: 'nowrap' }}><time dateTime={entry.at}>{when.format(new Date(entry.at))}</time></TableCell>
              <TableCell sx={{ overflowWrap: 'anywhere' }}>{who(entry)}</TableCell>
              <TableCell><code>{entry.action}</code></TableCell>
              <TableCell sx={{ overflowWrap: 'anywhere' }}>
                {entry.subjectType}{entry.subjectId ? <> · <code>{entry.subjectId}</code></> : null}
                {entry.territoryCode ? <><br />{t('audit.territory', { code: entry.territoryCode })}</> : null}
              </TableCell>
              <TableCell sx={{ overflowWrap: 'anywhere', minWidth: 200 }}>
                {describeChange(entry.old, entry.new).map((line, index) => (
                  <div key={line.key ?? index}>
                    {line.key ? <><code>{line.key}</code>{' '}</> : null}
                    <span>{line.old ?? empty}</span> <span aria-hidden="true">→</span><VisuallyHidden>{t('audit.becomes')}</VisuallyHidden> <strong>{line.new ?? empty}</strong>
                  </div>
                ))}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableScroll>
  );
}
