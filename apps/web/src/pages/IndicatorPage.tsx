import { Box, Breadcrumbs, Button, Chip, Paper, Typography } from '@mui/material';
import { ErrorState, formatDate, LoadingState, RateGauge, reasonText } from '@pilote/ui';
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isNotFound } from '../api/graphql';
import { IndicatorAtDocument, IndicatorBeforeDocument } from '../api/generated/graphql';
import type { TerritoryRate } from '../api/types';
import { useQuery } from '../api/useQuery';
import { AsOfBar } from '../features/as-of/AsOfBar';
import { useAsOf } from '../features/as-of/useAsOf';
import { useExplain } from '../features/explain/ExplainProvider';
import { StarButton } from '../features/bookmarks/StarButton';
import { SubscribeAlertButton } from '../features/bookmarks/SubscribeAlertButton';
import { ExportFigureMenu } from '../features/export/ExportFigureMenu';
import { IndicatorMeta } from '../features/indicator/IndicatorMeta';
import { IndicatorSeriesChart } from '../features/indicator/IndicatorSeriesChart';
import { IndicatorTerritoriesTable } from '../features/indicator/IndicatorTerritoriesTable';
import { IndicatorValues } from '../features/indicator/IndicatorValues';
import { TerritoryMap } from '../features/map/TerritoryMap';
import { localize, useInstance } from '../instance/InstanceContext';
import { RouterLink } from '../layout/RouterLink';
import { useUrlState } from '../state/useUrlState';
import { NotFoundPage } from './NotFoundPage';

/**
 * The indicator page (`/indicators/:indicatorId?territory=…`): the indicator's values, rates and
 * series at a territory, and its map and table over the territories just below. Everything it
 * shows is in the URL: the territory, the table's sort and search, the open explanation.
 */
export default function IndicatorPage() {
  const { indicatorId = '' } = useParams();
  const { t, i18n } = useTranslation('core');
  const instance = useInstance();
  const url = useUrlState();
  const { asOf } = useAsOf();
  const explain = useExplain();
  const lng = i18n.language;
  const territoryCode = url.get('territory') ?? '';
  const { data, loading, error, refetch } = useQuery(IndicatorAtDocument, { indicatorId, territoryCode, asOf }, { skip: !territoryCode });
  const view = data?.indicatorAt;
  const mapBox = useRef<HTMLDivElement>(null);
  const mapValues = useMemo<TerritoryRate[]>(() => (view?.territories ?? []).map((r) => ({ code: r.code, name: r.name, level: r.level, value: r.globalRate.value })), [view]);

  if (!territoryCode) return <ErrorState title={t('indicatorPage.noTerritory.title')} description={t('indicatorPage.noTerritory.description')} action={{ label: t('layout.nav.home'), onClick: () => url.set({}) }} />;
  if (loading && !view) return <LoadingState />;
  if (error && !view && isNotFound(error)) return <NotFoundPage title={t('indicatorPage.notFound')} />;
  if (error && !view) return <ErrorState error={error} action={{ label: t('app.retry'), onClick: refetch }} />;
  if (!view) return <NotFoundPage title={t('indicatorPage.notFound')} />;
  const ind = view.indicator;
  const parent = view.territory.parent;
  const childLevelLabel = view.childLevel ? localize(instance.levels.find((l) => l.id === view.childLevel)?.label, lng, view.childLevel) : '';
  const policyHref = url.href(`/policies/${encodeURIComponent(view.policy.id)}`, { territory: view.territory.code });

  return (
    <Box sx={{ display: 'grid', gap: 3, gridTemplateColumns: 'minmax(0, 1fr)' }}>
      <Breadcrumbs aria-label={t('layout.breadcrumb')} className="no-print">
        <RouterLink to={url.href('/', { territory: view.territory.code })}>{t('layout.nav.home')}</RouterLink>
        <RouterLink to={url.href(`/territories/${encodeURIComponent(view.territory.code)}`)}>{view.territory.name}</RouterLink>
        <RouterLink to={policyHref}>{view.policy.name}</RouterLink>
        <Typography aria-current="page">{ind.name}</Typography>
      </Breadcrumbs>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'flex-start' }}>
        <Box sx={{ flexGrow: 1, minWidth: 0 }}>
          <Typography component="h1" variant="h1">{ind.name}</Typography>
          <Typography color="text.secondary">{t('indicatorPage.of', { policy: view.policy.name, territory: view.territory.name })}</Typography>
          <AsOfBar<{ indicatorAt: { globalRate: { value: number | null } } }> now={view.globalRate.value}
            before={{ query: IndicatorBeforeDocument, variables: { indicatorId, territoryCode }, pick: (data) => data.indicatorAt.globalRate.value }} />
          <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', mt: 1 }}>
            <Chip size="small" label={t(`indicatorTypes.${ind.type}`, { defaultValue: ind.type })} />
            <Chip size="small" variant="outlined" label={t(`direction.${ind.direction}`, { defaultValue: ind.direction })} />
            {view.overdue && <Chip size="small" color="warning" label={t('policy.overdue')} />}
          </Box>
        </Box>
        <Box className="no-print" sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
          {parent && view.policy.levels.includes(parent.level) && (
            <Button variant="outlined" onClick={() => url.set({ territory: parent.code })}>{t('policy.seeParent', { territory: parent.name })}</Button>
          )}
          <StarButton kind="indicator" targetId={ind.id} name={ind.name} />
          <SubscribeAlertButton indicatorId={ind.id} territoryCode={view.territory.code} territoryName={view.territory.name} />
          <Button variant="outlined" component={RouterLink} to={url.href('/compare', { indicator: ind.id, territories: [view.territory.code] })}>{t('compare.button')}</Button>
          <Button variant="outlined" onClick={() => explain(view.globalRate.explanationId)}>{t('ui.explain')}</Button>
          <Button variant="contained" onClick={() => window.print()}>{t('print.button')}</Button>
        </Box>
      </Box>
      <Typography className="print-only" component="p">{t('print.generated', { date: formatDate(new Date().toISOString().slice(0, 10), lng), url: window.location.href })}</Typography>
      <Paper variant="outlined" component="section" aria-label={t('indicatorPage.rates')} sx={{ p: 2, display: 'flex', gap: 4, flexWrap: 'wrap' }}>
        <RateGauge label={t('home.globalRate')} value={view.globalRate.value} date={view.globalRate.date} reason={reasonText(view.globalRate, t) ?? undefined} onExplain={() => explain(view.globalRate.explanationId)} />
        <RateGauge label={t('home.annualRate')} value={view.annualRate.value} date={view.annualRate.date} reason={reasonText(view.annualRate, t) ?? undefined} onExplain={() => explain(view.annualRate.explanationId)} />
      </Paper>
      <Box sx={{ display: 'grid', gap: 3, gridTemplateColumns: { xs: 'minmax(0, 1fr)', md: 'minmax(0, 1fr) minmax(0, 1fr)' } }}>
        <Paper variant="outlined" component="section" aria-labelledby="indicator-values-title" sx={{ p: 2, minWidth: 0 }}>
          <Typography id="indicator-values-title" component="h2" variant="h2" gutterBottom>{t('indicatorPage.values')}</Typography>
          <IndicatorValues indicator={ind} territoryCode={view.territory.code} data={view} />
        </Paper>
        <Paper variant="outlined" component="section" aria-labelledby="indicator-series-title" sx={{ p: 2, minWidth: 0 }}>
          <Typography id="indicator-series-title" component="h2" variant="h2" gutterBottom>{t('indicatorPage.series')}</Typography>
          <IndicatorSeriesChart indicator={ind} territoryCode={view.territory.code} territoryName={view.territory.name} />
        </Paper>
      </Box>
      <Box component="section" aria-labelledby="indicator-territories-title" sx={{ display: 'grid', gap: 2, gridTemplateColumns: 'minmax(0, 1fr)' }}>
        <Typography id="indicator-territories-title" component="h2" variant="h2">{t('indicatorPage.tableTitle', { territory: view.territory.name })}</Typography>
        {view.territories.length === 0 ? (
          <Typography color="text.secondary">{t('indicatorPage.noTerritories', { territory: view.territory.name })}</Typography>
        ) : (
          <Box sx={{ display: 'grid', gap: 3, alignItems: 'start', gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: 'minmax(0, 2fr) minmax(0, 3fr)' } }}>
            <Paper variant="outlined" sx={{ p: 2, minWidth: 0 }} ref={mapBox}>
              <TerritoryMap values={mapValues} title={t('indicatorPage.mapTitle', { level: childLevelLabel })} withTable={false}
                onSelect={(code) => url.set({ territory: code })} />
              <ExportFigureMenu target={mapBox} title={`${ind.name} — ${t('indicatorPage.mapTitle', { level: childLevelLabel })} — ${view.territory.name}`}
                asOf={view.current?.date ?? view.globalRate.date} />
            </Paper>
            <Paper variant="outlined" sx={{ p: 2, minWidth: 0 }}>
              <IndicatorTerritoriesTable indicatorId={ind.id} unit={ind.unit} rows={view.territories}
                caption={t('indicatorPage.tableCaption', { name: ind.name, territory: view.territory.name })} />
            </Paper>
          </Box>
        )}
      </Box>
      <Paper variant="outlined" component="section" aria-labelledby="indicator-about-title" sx={{ p: 2 }}>
        <Typography id="indicator-about-title" component="h2" variant="h2">{t('indicatorPage.about')}</Typography>
        <IndicatorMeta indicator={ind} nextExpectedUpdate={view.nextExpectedUpdate} />
      </Paper>
    </Box>
  );
}
