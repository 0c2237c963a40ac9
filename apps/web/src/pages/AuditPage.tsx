import { Box, Button, Link, Typography } from '@mui/material';
import { EmptyState, ErrorState, LoadingState } from '@pilote/ui';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useQuery } from '../api/useQuery';
import { SignInRequired } from '../features/account/SignInRequired';
import { AUDIT_LOG, auditCsvUrl, auditFilterOf, type AuditFilter } from '../features/audit/auditApi';
import { AuditFilters } from '../features/audit/AuditFilters';
import { AuditRetentionSection } from '../features/audit/AuditRetentionSection';
import { AuditTable } from '../features/audit/AuditTable';
import { useSession } from '../session/SessionContext';
import { NotFoundPage } from './NotFoundPage';

const PAGE_SIZE = 50;

/**
 * `/admin/audit`: who changed what, when, old → new (everything for administrators, their
 * territories for scope managers); filters in the address bar, keyset pages, CSV of the filtered list.
 */
export default function AuditPage() {
  const { t, i18n } = useTranslation('core');
  const session = useSession();
  const signedIn = Boolean(session.info?.authenticated);
  const allowed = session.may('read', 'AuditLog');
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => auditFilterOf(params), [params]);
  // Cursors of the pages before the current one: "previous" pops, "next" pushes (keyset, no offsets).
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1];
  const { data, loading, error, refetch } = useQuery(AUDIT_LOG, { filter, first: PAGE_SIZE, after }, { skip: !signedIn || !allowed });
  if (!session.info) return <LoadingState />;
  if (!signedIn) return <SignInRequired />;
  if (!allowed) return <NotFoundPage title={t('audit.notAllowed')} />;
  const apply = (next: AuditFilter) => {
    setCursors([null]);
    setParams(new URLSearchParams(Object.entries(next).filter(([, value]) => value?.trim()) as [string, string][]));
  };
  const log = data?.auditLog;
  const entries = log?.edges.map((edge) => edge.node) ?? [];
  const first = (cursors.length - 1) * PAGE_SIZE + 1;
  const count = new Intl.NumberFormat(i18n.language);
  return (
    <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: 'minmax(0, 1fr)', maxWidth: 1200 }}>
      <Typography component="h1" variant="h1">{t('audit.title')}</Typography>
      <Typography color="text.secondary">{t('audit.intro')}</Typography>
      <AuditRetentionSection canEdit={session.may('update', 'Settings')} />
      <AuditFilters value={filter} onApply={apply} />
      {loading && !data ? (
        <LoadingState />
      ) : error && !data ? (
        <ErrorState error={error} action={{ label: t('app.retry'), onClick: refetch }} />
      ) : !log || entries.length === 0 ? (
        <EmptyState title={t('audit.emptyTitle')} description={t('audit.emptyDescription')} />
      ) : (
        <>
          <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between' }}>
            <Typography role="status">{t('audit.range', { first: count.format(first), last: count.format(first + entries.length - 1), total: count.format(log.totalCount) })}</Typography>
            <Link href={auditCsvUrl(filter)} download>{t('audit.csv')}</Link>
          </Box>
          <AuditTable entries={entries} caption={t('audit.caption', { total: count.format(log.totalCount) })} />
          <Box component="nav" aria-label={t('audit.pages')} sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
            <Button variant="outlined" disabled={cursors.length === 1} onClick={() => setCursors((current) => current.slice(0, -1))}>{t('audit.previous')}</Button>
            <Button variant="outlined" disabled={!log.pageInfo.hasNextPage} onClick={() => setCursors((current) => [...current, log.pageInfo.endCursor])}>{t('audit.next')}</Button>
          </Box>
        </>
      )}
    </Box>
  );
}
