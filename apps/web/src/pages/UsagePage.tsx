import { Box, MenuItem, TextField, Typography } from '@mui/material';
import { EmptyState, ErrorState, LoadingState } from '@pilote/ui';
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../api/useQuery';
import { SignInRequired } from '../features/account/SignInRequired';
import { UsageTable } from '../features/usage/UsageTable';
import { defaultRange, GRANULARITIES, USAGE_FIGURES_QUERY, type UsageFigures, type UsageGranularity } from '../features/usage/usageApi';
import { localize, useInstance } from '../instance/InstanceContext';
import { useSession } from '../session/SessionContext';
import { useUrlState } from '../state/useUrlState';
import { NotFoundPage } from './NotFoundPage';

const UsageChart = lazy(() => import('../features/usage/UsageChart'));

function periodLabel(start: string, granularity: UsageGranularity, lng: string): string {
  const date = new Date(`${start}T00:00:00Z`);
  if (granularity === 'MONTH') return new Intl.DateTimeFormat(lng, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(date);
  return new Intl.DateTimeFormat(lng, { day: 'numeric', month: 'short', ...(granularity === 'WEEK' ? { year: 'numeric' } : {}), timeZone: 'UTC' }).format(date);
}

/**
 * `/admin/usage`: how the instance is used, without trackers and without personal data (ADR 045):
 * active accounts per day, week or month, pages and territories viewed, by role and level. For the
 * instance's owners (`read Usage`).
 */
export default function UsagePage() {
  const { t, i18n } = useTranslation('core');
  const lng = i18n.language;
  const session = useSession();
  const instance = useInstance();
  const url = useUrlState();
  const signedIn = Boolean(session.info?.authenticated);
  const allowed = session.may('read', 'Usage');
  const asked = url.get('by');
  const granularity: UsageGranularity = GRANULARITIES.includes(asked as UsageGranularity) ? (asked as UsageGranularity) : 'DAY';
  const range = useMemo(() => defaultRange(granularity), [granularity]);
  const { data, loading, error, refetch } = useQuery(USAGE_FIGURES_QUERY, { ...range, granularity }, { skip: !signedIn || !allowed });
  if (!session.info) return <LoadingState />;
  if (!signedIn) return <SignInRequired />;
  if (!allowed) return <NotFoundPage title={t('usage.notAllowed')} />;
  const figures = data?.usageFigures;
  return (
    <Box sx={{ display: 'grid', gap: 3, gridTemplateColumns: 'minmax(0, 1fr)', maxWidth: 1200 }}>
      <Typography component="h1" variant="h1">{t('usage.title')}</Typography>
      <Typography color="text.secondary">{t('usage.intro')}</Typography>
      <TextField select size="small" label={t('usage.granularity')} value={granularity} onChange={(e) => url.set({ by: e.target.value === 'DAY' ? null : e.target.value }, { replace: true })} sx={{ maxWidth: 320 }}>
        {GRANULARITIES.map((value) => <MenuItem key={value} value={value}>{t(`usage.granularities.${value}`)}</MenuItem>)}
      </TextField>
      {loading && !figures ? (
        <LoadingState />
      ) : error && !figures ? (
        <ErrorState error={error} action={{ label: t('app.retry'), onClick: refetch }} />
      ) : figures ? (
        <UsageFiguresView figures={figures} levelLabel={(id) => localize(instance.levels.find((level) => level.id === id)?.label, lng, id)} />
      ) : null}
    </Box>
  );
}

function UsageFiguresView({ figures, levelLabel }: { figures: UsageFigures; levelLabel: (id: string) => string }) {
  const { t, i18n } = useTranslation('core');
  const lng = i18n.language;
  const granularity = figures.granularity;
  const roleName = (key: string) =>
    key === 'public' ? t('usage.publicRole') : key.split('+').map((id) => localize(figures.roles.find((role) => role.id === id)?.label as Record<string, string> | undefined, lng, id)).join(' + ');
  const level = (key: string) => (key === '' ? t('usage.noTerritory') : levelLabel(key));
  const totalViews = figures.points.reduce((n, p) => n + p.views, 0);
  const retention = <Typography color="text.secondary">{t('usage.retention', { count: figures.retentionDays })}</Typography>;
  const range = t('usage.range', { from: new Intl.DateTimeFormat(lng, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${figures.from}T00:00:00Z`)), to: new Intl.DateTimeFormat(lng, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${figures.to}T00:00:00Z`)) });
  if (totalViews === 0 && figures.points.every((p) => p.activeUsers === 0)) {
    return (
      <>
        <EmptyState title={t('usage.emptyTitle')} description={t('usage.emptyDescription', { range })} />
        {retention}
      </>
    );
  }
  const points = figures.points.map((p) => ({ periodStart: p.periodStart, label: periodLabel(p.periodStart, granularity, lng), activeUsers: p.activeUsers, views: p.views }));
  const last = figures.points[figures.points.length - 1];
  const chartTitle = t(`usage.chartTitle.${granularity}`);
  return (
    <>
      <Box component="section" aria-labelledby="usage-active" sx={{ display: 'grid', gap: 1, minWidth: 0 }}>
        <Typography id="usage-active" component="h2" variant="h2">{chartTitle}</Typography>
        <Typography color="text.secondary">{range}</Typography>
        <Suspense fallback={<LoadingState />}><UsageChart points={points} title={chartTitle} /></Suspense>
      </Box>
      <Box component="section" aria-labelledby="usage-roles" sx={{ display: 'grid', gap: 2, minWidth: 0 }}>
        <Typography id="usage-roles" component="h2" variant="h2">{t('usage.byRoleAndLevel')}</Typography>
        <UsageTable
          caption={t('usage.byRoleCaption', { period: last ? periodLabel(last.periodStart, granularity, lng) : '' })}
          headers={[t('usage.role'), t('usage.views'), t('usage.activeUsersLast')]}
          rows={figures.viewsByRole.map((row) => ({ key: row.key, label: roleName(row.key), cells: [row.count, row.key === 'public' ? '—' : (last?.byRole.find((r) => r.key === row.key)?.count ?? 0)] }))}
        />
        <UsageTable caption={t('usage.byLevelCaption')} headers={[t('usage.level'), t('usage.views')]} rows={figures.viewsByLevel.map((row) => ({ key: row.key || '-', label: level(row.key), cells: [row.count] }))} />
      </Box>
      <Box component="section" aria-labelledby="usage-pages" sx={{ display: 'grid', gap: 2, minWidth: 0 }}>
        <Typography id="usage-pages" component="h2" variant="h2">{t('usage.pagesAndTerritories')}</Typography>
        <UsageTable caption={t('usage.pagesCaption')} headers={[t('usage.page'), t('usage.views')]} rows={figures.pages.map((row) => ({ key: row.key, label: t(`usage.kinds.${row.key}`, { defaultValue: row.key }), cells: [row.count] }))} />
        {figures.territories.length > 0 ? (
          <UsageTable
            caption={t('usage.territoriesCaption', { count: figures.territories.length })}
            headers={[t('usage.territory'), t('usage.level'), t('usage.views')]}
            rows={figures.territories.map((row) => ({ key: row.code, label: `${row.name} (${row.code})`, cells: [level(row.level), row.views] }))}
          />
        ) : <Typography>{t('usage.noTerritoryViewed')}</Typography>}
      </Box>
      {retention}
    </>
  );
}
