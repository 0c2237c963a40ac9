import { Box, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../api/useQuery';
import { AUDIT_RETENTION, type AuditRetention } from './auditRetentionApi';
import { AuditRetentionForm } from './AuditRetentionForm';

/** "Conservation du journal" on /admin/audit: the retention in force and where it comes from; a form for administrators. */
export function AuditRetentionSection({ canEdit }: { canEdit: boolean }) {
  const { t, i18n } = useTranslation('core');
  const { data } = useQuery(AUDIT_RETENTION);
  const [current, setCurrent] = useState<AuditRetention | null>(null);
  useEffect(() => {
    if (data) setCurrent(data.auditRetention);
  }, [data]);
  if (!current) return null;
  const kept = current.days === null ? t('audit.retentionNone') : t('audit.retention', { count: current.days });
  const source = current.source === 'CONFIG'
    ? t('audit.retentionSource.config')
    : t('audit.retentionSource.screen', { who: current.changedBy ?? t('audit.retentionSource.unknown'), when: current.changedAt ? new Date(current.changedAt).toLocaleDateString(i18n.language) : '', reason: current.reason ?? '' });
  return (
    <Box component="section" aria-labelledby="audit-retention-title" sx={{ display: 'grid', gap: 1 }}>
      <Typography id="audit-retention-title" component="h2" variant="h2">{t('audit.retentionTitle')}</Typography>
      <Typography>{kept}</Typography>
      <Typography color="text.secondary">{source}</Typography>
      {canEdit && <AuditRetentionForm key={`${current.source}-${current.days}`} current={current} onSaved={setCurrent} />}
    </Box>
  );
}
