import { Box, Paper, Typography } from '@mui/material';
import { AlertChip, EmptyState, ErrorState, LoadingState, RateGauge, Zone } from '@pilote/ui';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isNotFound } from '../api/graphql';
import { HomeBeforeDocument, HomeDocument, TaxonomiesDocument, type HomeBeforeQuery } from '../api/generated/graphql';
import type { RateStats } from '../api/types';
import { useQuery } from '../api/useQuery';
import { AsOfBar } from '../features/as-of/AsOfBar';
import { useAsOf } from '../features/as-of/useAsOf';
import { type AsOfBefore, useAsOfComparison, usePolicyRatesBefore } from '../features/as-of/useAsOfComparison';
import { useTerritories } from '../api/useTerritories';
import { MyFavourites } from '../features/bookmarks/MyFavourites';
import { useExplain } from '../features/explain/ExplainProvider';
import { statExplainer } from '../features/explain/statExplainer';
import { Filters, type FilterValues } from '../features/home/Filters';
import { PolicyTable } from '../features/home/PolicyTable';
import { TerritorySelector } from '../features/home/TerritorySelector';
import { WeatherDistribution } from '../features/home/WeatherDistribution';
import { TerritoryMap } from '../features/map/TerritoryMap';
import { localize, useInstance } from '../instance/InstanceContext';
import { useScopeTerritory } from '../session/useScopeTerritory';
import { useUrlState } from '../state/useUrlState';

/** Without a territory in the URL: the first territory of the level (FRANCE at the national level). */
function useDefaultTerritory(level: string, skip: boolean): string | undefined {
  return useTerritories({ level, first: 1 }, { skip }).nodes[0]?.code;
}

/** Min/median/max across same-level territories, when there are peers to compare with (not at the national level). */
function peerStats(stats: RateStats) {
  return stats.count > 1 ? { min: stats.min, median: stats.median, max: stats.max } : {};
}

/** Only the filters in use, so that an unfiltered view and its cache key stay the same. */
function toApiFilter(filter: FilterValues) {
  return {
    ...(filter.taxonomyIds.length ? { taxonomyIds: filter.taxonomyIds } : {}),
    ...(filter.kinds.length ? { kinds: filter.kinds } : {}),
    ...(filter.statuses.length ? { statuses: filter.statuses } : {}),
    ...(filter.alertsOnly ? { alertsOnly: true } : {}),
  };
}

export default function HomePage() {
  const { t, i18n } = useTranslation('core');
  const instance = useInstance();
  const url = useUrlState();
  const navigate = useNavigate();
  const explain = useExplain();
  // Perimeter levels (e.g. CRTE) sit outside the hierarchy: the default is the broadest hierarchy level.
  const levels = useMemo(() => [...instance.levels].sort((a, b) => Number(a.perimeter) - Number(b.perimeter) || a.rank - b.rank), [instance.levels]);
  const urlLevel = url.get('level');
  const urlTerritory = url.get('territory');
  // Without a territory in the URL: a user bound to one territory lands on it, others on the first
  // territory of the chosen (or broadest) level; the choice is then written to the URL.
  const scope = useScopeTerritory();
  const landOnScope = !urlTerritory && !urlLevel;
  const fallbackLevel = urlLevel ?? levels[0]?.id ?? '';
  const fallbackTerritory = useDefaultTerritory(fallbackLevel, Boolean(urlTerritory) || (landOnScope && (!scope.ready || Boolean(scope.territory))));
  const landing = landOnScope && scope.territory ? scope.territory : fallbackTerritory ? { code: fallbackTerritory, level: fallbackLevel } : undefined;
  const territoryCode = urlTerritory ?? landing?.code;

  const filter: FilterValues = {
    taxonomyIds: url.getList('tax'),
    kinds: url.getList('kind'),
    statuses: url.getList('status'),
    alertsOnly: url.getBool('alerts'),
  };
  const taxonomies = useQuery(TaxonomiesDocument);
  const { asOf } = useAsOf();
  const home = useQuery(HomeDocument, { territoryCode: territoryCode ?? '', filter: toApiFilter(filter), asOf }, { skip: !territoryCode });
  const view = home.data?.home;
  // "Comparer au …": one answer at the previous period's end gives the headline's change and each row's (ADR 042).
  const before: AsOfBefore<HomeBeforeQuery> = { query: HomeBeforeDocument, variables: { territoryCode, filter: toApiFilter(filter) }, pick: (data) => data.home.globalRate.value };
  const comparison = useAsOfComparison(before, { skip: !territoryCode || view?.globalRate.value === undefined });
  const change = usePolicyRatesBefore(comparison.compareTo, comparison.data?.home.policies);

  const landingCode = landing?.code;
  const landingLevel = landing?.level;
  useEffect(() => {
    if (!urlTerritory && landingCode) url.set({ territory: landingCode, level: landingLevel }, { replace: true });
  }, [urlTerritory, landingCode, landingLevel, url]);
  // The selectors say what is shown: the level is the territory's own (`/?territory=D29` is Finistère at the départements).
  const shownLevel = view && view.territory.code === territoryCode ? view.territory.level : undefined;
  const level = shownLevel ?? urlLevel ?? landing?.level ?? levels[0]?.id ?? '';
  useEffect(() => {
    if (shownLevel && urlTerritory && urlLevel !== shownLevel) url.set({ level: shownLevel }, { replace: true });
  }, [shownLevel, urlTerritory, urlLevel, url]);

  const kinds = useMemo(() => [...new Set([...(view?.policies.map((p) => p.policy.kind) ?? []), ...filter.kinds])], [view, filter.kinds]);
  const statuses = useMemo(() => [...new Set([...(view?.policies.map((p) => p.policy.status) ?? []), ...filter.statuses])], [view, filter.statuses]);
  const levelLabel = localize(levels.find((l) => l.id === level)?.label, i18n.language, level);
  const selectedAlert = url.get('alert');

  return (
    <Box>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'flex-end', justifyContent: 'space-between', mb: 2 }}>
        <Typography component="h1" variant="h1">
          {view ? t('home.title', { territory: view.territory.name }) : t('home.titleGeneric')}
        </Typography>
        <TerritorySelector level={level} territoryCode={territoryCode ?? ''}
          onChange={(next) => url.set({ level: next.level, territory: next.territory, alert: null })} />
      </Box>
      <Paper variant="outlined" sx={{ p: 2, mb: 3 }} className="no-print">
        <Filters taxonomies={taxonomies.data?.taxonomies ?? []} kinds={kinds} statuses={statuses} value={filter}
          onChange={(patch) => url.set({
            ...(patch.taxonomyIds ? { tax: patch.taxonomyIds } : {}),
            ...(patch.kinds ? { kind: patch.kinds } : {}),
            ...(patch.statuses ? { status: patch.statuses } : {}),
            ...(patch.alertsOnly !== undefined ? { alerts: patch.alertsOnly } : {}),
          })} />
        <Box sx={{ mt: 2 }}>
          <AsOfBar<HomeBeforeQuery> now={view?.globalRate.value} skip={!territoryCode} before={before} comparison={comparison} />
        </Box>
      </Paper>
      <Zone id="home.top" context={{ territoryCode }} />
      {!territoryCode && !home.error && <LoadingState />}
      {Boolean(home.error) && !view && (isNotFound(home.error)
        ? <ErrorState title={t('territory.notFound')} description={t('home.unknownTerritory', { code: territoryCode })} action={{ label: t('notFound.back'), onClick: () => url.set({ territory: null, level: null }) }} />
        : <ErrorState error={home.error} action={{ label: t('app.retry'), onClick: home.refetch }} />)}
      {home.loading && !view && territoryCode && <LoadingState label={t('home.loading')} />}
      {view && (
        <Box sx={{ display: 'grid', gap: 3, gridTemplateColumns: { xs: 'minmax(0, 1fr)', xl: 'minmax(0, 2fr) minmax(0, 1fr)' } }}>
          <Box sx={{ display: 'grid', gap: 3, minWidth: 0, gridTemplateColumns: 'minmax(0, 1fr)' }}>
            <Paper variant="outlined" component="section" aria-label={t('home.rates')} sx={{ p: 2, display: 'flex', gap: 4, flexWrap: 'wrap' }}>
              <RateGauge label={t('home.globalRate')} value={view.globalRate.value} {...peerStats(view.globalRate)}
                onExplain={view.globalRate.explanationId ? () => explain(view.globalRate.explanationId as string) : undefined}
                onExplainStat={statExplainer(view.globalRate, explain)} />
              <RateGauge label={t('home.annualRate')} value={view.annualRate.value} {...peerStats(view.annualRate)}
                onExplain={view.annualRate.explanationId ? () => explain(view.annualRate.explanationId as string) : undefined}
                onExplainStat={statExplainer(view.annualRate, explain)} />
              <Zone id="home.rates.after" context={{ territoryCode }} />
            </Paper>
            {view.alertCounts.length > 0 && (
              <Box component="section" aria-labelledby="alerts-title">
                <Typography id="alerts-title" component="h2" variant="h4" gutterBottom>{t('home.alerts')}</Typography>
                <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
                  {view.alertCounts.map((a) => (
                    <AlertChip key={a.code} code={a.code} count={a.count} selected={selectedAlert === a.code}
                      onClick={() => url.set({ alert: selectedAlert === a.code ? null : a.code })} />
                  ))}
                </Box>
              </Box>
            )}
            <Box component="section" aria-labelledby="policies-title">
              <Typography id="policies-title" component="h2" variant="h2" gutterBottom>{t('home.policies')}</Typography>
              {view.policies.length === 0 ? (
                <EmptyState title={t('home.empty.title')} description={t('home.empty.description')}
                  action={{ label: t('home.filters.reset'), onClick: () => url.set({ tax: null, kind: null, status: null, alerts: null, q: null, alert: null }) }} />
              ) : (
                <PolicyTable rows={view.policies} territoryCode={view.territory.code} territoryName={view.territory.name} change={change}
                  caption={t('home.tableCaption', { territory: view.territory.name })} />
              )}
            </Box>
            <Zone id="home.main.after" context={{ territoryCode }} />
          </Box>
          <Box component="aside" aria-label={t('home.aside')} sx={{ display: 'grid', gap: 3, alignContent: 'start', alignItems: 'start', minWidth: 0, gridTemplateColumns: { xs: 'minmax(0, 1fr)', md: 'repeat(2, minmax(0, 1fr))', xl: 'minmax(0, 1fr)' } }}>
            <MyFavourites territoryCode={view.territory.code} />
            <Paper variant="outlined" sx={{ p: 2 }}><WeatherDistribution counts={view.weatherDistribution} /></Paper>
            {view.mapLevel && view.map.length > 0 && (
              <Paper variant="outlined" sx={{ p: 2 }}>
                <TerritoryMap values={view.map} title={t('home.mapTitle', { level: localize(instance.levels.find((l) => l.id === (view.mapLevel ?? view.map[0]?.level))?.label, i18n.language, levelLabel) })}
                  selectedCode={view.territory.code}
                  onSelect={(code) => {
                    const target = view.map.find((m) => m.code === code);
                    if (target) url.set({ territory: target.code, level: target.level, alert: null });
                    else void navigate(url.href(`/territories/${encodeURIComponent(code)}`));
                  }} />
              </Paper>
            )}
            <Zone id="home.aside" context={{ territoryCode }} />
          </Box>
        </Box>
      )}
    </Box>
  );
}
