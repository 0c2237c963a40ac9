import { Box, Breadcrumbs, Button, Paper, Typography } from '@mui/material';
import { DataTable, ErrorState, formatDate, formatRate, LoadingState, RateGauge, Zone, type DataColumn } from '@pilote/ui';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { TerritoryBeforeDocument, TerritoryViewDocument, type TerritoryBeforeQuery } from '../api/generated/graphql';
import type { TerritoryRate } from '../api/types';
import { useQuery } from '../api/useQuery';
import { AsOfBar } from '../features/as-of/AsOfBar';
import { useAsOf } from '../features/as-of/useAsOf';
import { type AsOfBefore, useAsOfComparison, usePolicyRatesBefore } from '../features/as-of/useAsOfComparison';
import { statExplainer } from '../features/explain/statExplainer';
import { useExplain } from '../features/explain/ExplainProvider';
import { StarButton } from '../features/bookmarks/StarButton';
import { FicheButton } from '../features/print/FicheButton';
import { PolicyTable } from '../features/home/PolicyTable';
import { RoadmapEditor } from '../features/roadmap/RoadmapEditor';
import { pinnedFirstColumn } from '../features/tables/pinnedFirstColumn';
import { localize, useInstance } from '../instance/InstanceContext';
import { RouterLink } from '../layout/RouterLink';
import { useUrlState } from '../state/useUrlState';
import { NotFoundPage } from './NotFoundPage';

export default function TerritoryPage() {
  const { code = '' } = useParams();
  const { t, i18n } = useTranslation('core');
  const instance = useInstance();
  const url = useUrlState();
  const explain = useExplain();
  const lng = i18n.language;
  const { asOf } = useAsOf();
  const { data, loading, error, refetch } = useQuery(TerritoryViewDocument, { code, asOf });
  const view = data?.territoryView;
  // "Comparer au …": one answer at the previous period's end gives the headline's change and each row's (ADR 042).
  const before: AsOfBefore<TerritoryBeforeQuery> = { query: TerritoryBeforeDocument, variables: { code }, pick: (answer) => answer.territoryView?.rate.value };
  const comparison = useAsOfComparison(before, { skip: !view });
  const change = usePolicyRatesBefore(comparison.compareTo, comparison.data?.territoryView?.rates);
  const peerColumns = useMemo<DataColumn<TerritoryRate>[]>(() => [
    { id: 'name', header: t('map.territory'), rowHeader: true, value: (r) => r.name, render: (r) => <RouterLink to={url.href(`/territories/${encodeURIComponent(r.code)}`)}>{r.name}</RouterLink> },
    { id: 'value', header: t('table.globalRate'), align: 'right', searchable: false, value: (r) => r.value, render: (r) => formatRate(r.value, lng) },
  ], [t, lng, url]);

  if (loading && !data) return <LoadingState />;
  if (error && !data) return <ErrorState error={error} action={{ label: t('app.retry'), onClick: refetch }} />;
  if (!view) return <NotFoundPage title={t('territory.notFound')} />;
  const levelLabel = localize(instance.levels.find((l) => l.id === view.territory.level)?.label, lng, view.territory.level);
  const ctx = { territoryCode: code };

  return (
    <Box sx={{ display: 'grid', gap: 3, gridTemplateColumns: 'minmax(0, 1fr)' }}>
      <Breadcrumbs aria-label={t('layout.breadcrumb')} className="no-print">
        <RouterLink to={url.href('/', { territory: code, level: view.territory.level })}>{t('layout.nav.home')}</RouterLink>
        {view.parent && <RouterLink to={url.href(`/territories/${encodeURIComponent(view.parent.code)}`)}>{view.parent.name}</RouterLink>}
        <Typography aria-current="page">{view.territory.name}</Typography>
      </Breadcrumbs>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'flex-start' }}>
        <Box sx={{ flexGrow: 1 }}>
          <Typography component="h1" variant="h1">{view.territory.name}</Typography>
          <AsOfBar<TerritoryBeforeQuery> now={view.rate.value} before={before} comparison={comparison} />
          <Typography color="text.secondary">{levelLabel} · {view.territory.code}{view.territory.population ? ` · ${t('territory.population', { count: view.territory.population, formatted: new Intl.NumberFormat(lng).format(view.territory.population) })}` : ''}</Typography>
        </Box>
        <Box className="no-print" sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
          <StarButton kind="territory" targetId={code} name={view.territory.name} />
          <Button variant="outlined" component={RouterLink} to={url.href('/', { territory: code, level: view.territory.level })}>{t('territory.openDashboard')}</Button>
          <FicheButton kind="territory" id={code} name={view.territory.name} />
          <Button variant="outlined" onClick={() => window.print()}>{t('print.button')}</Button>
        </Box>
      </Box>
      <Typography className="print-only" component="p">{t('print.generated', { date: formatDate(new Date().toISOString().slice(0, 10), lng), url: window.location.href })}</Typography>
      <Paper variant="outlined" sx={{ p: 2, display: 'flex', gap: 4, flexWrap: 'wrap' }} component="section" aria-label={t('home.rates')}>
        <RateGauge label={t('territory.meanRate')} value={view.rate.value} min={view.rate.min} median={view.rate.median} max={view.rate.max}
          onExplain={view.rate.explanationId ? () => explain(view.rate.explanationId as string) : undefined} onExplainStat={statExplainer(view.rate, explain)} />
        {view.parent && view.parentRate && (
          <RateGauge label={t('territory.parentRate', { territory: view.parent.name })} value={view.parentRate.value} min={view.parentRate.min} median={view.parentRate.median} max={view.parentRate.max}
            onExplain={view.parentRate.explanationId ? () => explain(view.parentRate?.explanationId as string) : undefined} />
        )}
        <Zone id="territory.rates.after" context={ctx} />
      </Paper>
      <Box component="section" aria-labelledby="territory-policies">
        <Typography id="territory-policies" component="h2" variant="h2" gutterBottom>{t('home.policies')}</Typography>
        <PolicyTable rows={view.rates} territoryCode={code} territoryName={view.territory.name} change={change} caption={t('home.tableCaption', { territory: view.territory.name })} />
      </Box>
      <Box sx={{ display: 'grid', gap: 3, gridTemplateColumns: { xs: 'minmax(0, 1fr)', md: 'minmax(0, 1fr) minmax(0, 1fr)' } }}>
        <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby="roadmap-title">
          <Typography id="roadmap-title" component="h2" variant="h2" gutterBottom>{t('territory.roadmap')}</Typography>
          <RoadmapEditor code={code} territoryName={view.territory.name} onSaved={refetch} />
          {view.roadmap.length === 0 ? <Typography color="text.secondary">{t('territory.noRoadmap')}</Typography> : (
            <Box component="ul" sx={{ pl: 2 }}>
              {view.roadmap.map((item) => (
                <li key={item.policy.id}>
                  <RouterLink to={url.href(`/policies/${encodeURIComponent(item.policy.id)}`, { territory: code })}>{item.policy.name}</RouterLink>
                  {item.localObjective && <Typography variant="body2" color="text.secondary">{item.localObjective}</Typography>}
                </li>
              ))}
            </Box>
          )}
        </Paper>
        <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby="peers-title">
          <Typography id="peers-title" component="h2" variant="h2" gutterBottom>{t('territory.peers')}</Typography>
          {view.peers.length === 0 ? <Typography color="text.secondary">{t('territory.noPeers')}</Typography> : (
            // The table scrolls in its own box: its header row stays on top and the names on the left.
            <Box sx={{ '& .MuiTableContainer-root': { maxHeight: 520, ...pinnedFirstColumn('background.paper') } }}>
              <DataTable caption={t('territory.peersCaption', { level: levelLabel, parent: view.parent?.name ?? view.territory.name })} columns={peerColumns} rows={view.peers} getRowId={(r) => r.code} dense />
            </Box>
          )}
        </Paper>
      </Box>
      <Zone id="territory.main.after" context={ctx} />
    </Box>
  );
}
