import { Alert, Box, Breadcrumbs, Paper, Typography } from '@mui/material';
import { ErrorState, LoadingState } from '@pilote/ui';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { CompareIndicatorDocument, ComparePolicyDocument } from '../api/generated/graphql';
import type { ComparedIndicator, ComparedPolicy } from '../api/types';
import { IndicatorComparison } from '../features/compare/IndicatorComparison';
import { PolicyComparison } from '../features/compare/PolicyComparison';
import { MAX_COMPARED, TerritoryPicker, type PickedTerritory } from '../features/compare/TerritoryPicker';
import { useEach } from '../features/compare/useEach';
import { RouterLink } from '../layout/RouterLink';
import { useUrlState } from '../state/useUrlState';

/**
 * Compares chosen territories (2 to 5) for a policy (`?policy=`) or an indicator (`?indicator=`):
 * the URL (`territories=A,B,C`) is the comparison, so a link shares it. Each territory is asked on
 * its own: one the reader may not see is named as not loaded, the others are compared.
 */
export default function ComparePage() {
  const { t } = useTranslation('core');
  const url = useUrlState();
  const policyId = url.get('policy');
  const indicatorId = policyId ? null : url.get('indicator');
  const asked = url.getList('territories');
  const askedKey = asked.join(',');
  const codes = useMemo(() => [...new Set(askedKey ? askedKey.split(',') : [])].slice(0, MAX_COMPARED), [askedKey]);
  const items = codes.map((code) => ({ key: code, variables: policyId ? { policyId, territoryCode: code } : { indicatorId, territoryCode: code } }));
  const subject = Boolean(policyId || indicatorId);
  const each = useEach<ComparedPolicy & ComparedIndicator>((policyId ? ComparePolicyDocument : CompareIndicatorDocument).toString(), items, { skip: !subject || codes.length === 0 });

  if (!subject) return <ErrorState title={t('compare.noSubject.title')} description={t('compare.noSubject.description')} action={{ label: t('layout.nav.home'), onClick: () => url.set({}) }} />;
  const answered = each.results.filter((r) => r.data);
  const failed = each.results.filter((r) => r.error);
  const picked: PickedTerritory[] = codes.map((code) => {
    const data = each.results.find((r) => r.key === code)?.data;
    const territory = data?.policyAt?.territory ?? data?.indicatorAt?.territory;
    return { code, name: territory?.name ?? code, level: territory?.level };
  });
  const first = answered[0]?.data;
  const name = first?.policyAt?.policy.name ?? first?.indicatorAt?.indicator.name;
  const subjectHref = first && codes[0] ? (policyId ? url.href(`/policies/${encodeURIComponent(policyId)}`, { territory: codes[0] }) : url.href(`/indicators/${encodeURIComponent(indicatorId ?? '')}`, { territory: codes[0] })) : null;

  return (
    <Box sx={{ display: 'grid', gap: 3, gridTemplateColumns: 'minmax(0, 1fr)' }}>
      <Breadcrumbs aria-label={t('layout.breadcrumb')} className="no-print">
        <RouterLink to={url.href('/')}>{t('layout.nav.home')}</RouterLink>
        {subjectHref && name && <RouterLink to={subjectHref}>{name}</RouterLink>}
        <Typography aria-current="page">{t('compare.title')}</Typography>
      </Breadcrumbs>
      <Box>
        <Typography component="h1" variant="h1">{t('compare.title')}</Typography>
        {name && <Typography color="text.secondary">{t(policyId ? 'compare.ofPolicy' : 'compare.ofIndicator', { name })}</Typography>}
      </Box>
      <Paper variant="outlined" sx={{ p: 2 }} className="no-print">
        <TerritoryPicker value={picked} onChange={(next) => url.set({ territories: next })} />
      </Paper>
      {asked.length > MAX_COMPARED && <Alert severity="info">{t('compare.tooMany', { max: MAX_COMPARED })}</Alert>}
      {failed.map((f) => <Alert key={f.key} severity="warning">{t('compare.failed', { code: f.key })}</Alert>)}
      {codes.length < 2 && <Typography>{t('compare.needTwo')}</Typography>}
      {each.loading && codes.length > 0 && answered.length === 0 && <LoadingState />}
      {answered.length > 0 && (policyId
        ? <PolicyComparison rows={answered.map((r) => (r.data as ComparedPolicy).policyAt)} />
        : <IndicatorComparison rows={answered.map((r) => (r.data as ComparedIndicator).indicatorAt)}
            series={answered.map((r) => {
              const d = r.data as ComparedIndicator;
              return { code: d.indicatorAt.territory.code, name: d.indicatorAt.territory.name, points: d.indicatorSeries.points.filter((p) => p.kind === 'VA') };
            })} />)}
    </Box>
  );
}
