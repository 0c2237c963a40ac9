import { Box, Breadcrumbs, Button, Link, Paper, Typography } from '@mui/material';
import { AlertChip, ErrorState, formatDate, LoadingState, reasonText, RateGauge, TrendIcon, WeatherBadge, Zone } from '@pilote/ui';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isNotFound } from '../api/graphql';
import { PolicyAtDocument, PolicyBeforeDocument } from '../api/generated/graphql';
import { useQuery } from '../api/useQuery';
import { AsOfBar } from '../features/as-of/AsOfBar';
import { useAsOf } from '../features/as-of/useAsOf';
import { ExplainLink } from '../features/explain/ExplainLink';
import { useExplain } from '../features/explain/ExplainProvider';
import { statExplainer } from '../features/explain/statExplainer';
import { TerritoryMap } from '../features/map/TerritoryMap';
import { StarButton } from '../features/bookmarks/StarButton';
import { SubscribeAlertButton } from '../features/bookmarks/SubscribeAlertButton';
import { ChildWeather } from '../features/policy/ChildWeather';
import { FicheBatchPanel } from '../features/print/FicheBatchPanel';
import { FicheButton } from '../features/print/FicheButton';
import { CommentList } from '../features/policy/CommentList';
import { IndicatorBlock } from '../features/policy/IndicatorBlock';
import { localize, useInstance } from '../instance/InstanceContext';
import { RouterLink } from '../layout/RouterLink';
import { useUrlState } from '../state/useUrlState';
import { useSession } from '../session/SessionContext';
import { NotFoundPage } from './NotFoundPage';

export default function PolicyPage() {
  const { policyId = '' } = useParams();
  const { t, i18n } = useTranslation('core');
  const instance = useInstance();
  const url = useUrlState();
  const explain = useExplain();
  const session = useSession();
  const mayEnter = session.may('create', 'Measure') || session.may('create', 'Narrative') || session.may('validate', 'Measure');
  const territoryCode = url.get('territory') ?? '';
  const { asOf } = useAsOf();
  const { data, loading, error, refetch } = useQuery(PolicyAtDocument, { policyId, territoryCode, asOf }, { skip: !territoryCode });
  const lng = i18n.language;

  if (!territoryCode) return <ErrorState title={t('policy.noTerritory.title')} description={t('policy.noTerritory.description')} action={{ label: t('layout.nav.home'), onClick: () => url.set({}) }} />;
  if (loading && !data) return <LoadingState />;
  if (error && !data && isNotFound(error)) return <NotFoundPage title={t('policy.notFound')} />;
  if (error && !data) return <ErrorState error={error} action={{ label: t('app.retry'), onClick: refetch }} />;
  const view = data?.policyAt;
  if (!view) return <NotFoundPage title={t('policy.notFound')} />;
  const weatherLabel = (id?: string) => (id ? localize(instance.weatherLevels.find((w) => w.id === id)?.label, lng) || undefined : undefined);
  const ctx = { policyId, territoryCode };
  // Batches of fiches are made at the policy's finest level (every département of a national policy).
  const batchLevel = [...instance.levels].filter((l) => view.policy.levels.includes(l.id) && !l.perimeter).sort((a, b) => b.rank - a.rank)[0]?.id;

  return (
    <Box sx={{ display: 'grid', gap: 3, gridTemplateColumns: 'minmax(0, 1fr)' }}>
      <Breadcrumbs aria-label={t('layout.breadcrumb')} className="no-print">
        <RouterLink to={url.href('/', { territory: territoryCode })}>{t('layout.nav.home')}</RouterLink>
        <RouterLink to={url.href(`/territories/${encodeURIComponent(territoryCode)}`)}>{view.territory.name}</RouterLink>
        <Typography aria-current="page">{view.policy.name}</Typography>
      </Breadcrumbs>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'flex-start' }}>
        <Box sx={{ flexGrow: 1 }}>
          <Typography component="h1" variant="h1">{view.policy.name}</Typography>
          <Typography color="text.secondary">{t('policy.at', { territory: view.territory.name, code: view.policy.code })}</Typography>
          <AsOfBar<{ policyAt: { globalRate: { value: number | null } } | null }> now={view.globalRate.value}
            before={{ query: PolicyBeforeDocument, variables: { policyId, territoryCode }, pick: (data) => data.policyAt?.globalRate.value }} />
        </Box>
        <Box className="no-print" sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
          {/* Only where the policy is followed at the parent's level (no "France" button for a policy followed by EPCI and département). */}
          {view.territory.parent && view.policy.levels.includes(view.territory.parent.level) && (
            <Button variant="outlined" onClick={() => url.set({ territory: view.territory.parent?.code })}>
              {t('policy.seeParent', { territory: view.territory.parent.name })}
            </Button>
          )}
          <StarButton kind="policy" targetId={policyId} name={view.policy.name} />
          <SubscribeAlertButton policyId={policyId} territoryCode={territoryCode} territoryName={view.territory.name} />
          <Button variant="outlined" component={RouterLink} to={url.href('/compare', { policy: policyId, territories: [territoryCode] })}>{t('compare.button')}</Button>
          {mayEnter && (
            <Button variant="outlined" component={RouterLink} to={url.href('/entry', { territory: territoryCode, policy: policyId })}>{t('account.enterData')}</Button>
          )}
          <FicheButton kind="policy" id={policyId} territoryCode={territoryCode} name={`${view.policy.name} – ${view.territory.name}`} />
          <Button variant="outlined" onClick={() => window.print()}>{t('print.button')}</Button>
        </Box>
      </Box>
      <Typography className="print-only" component="p">{t('print.generated', { date: formatDate(new Date().toISOString().slice(0, 10), lng), url: window.location.href })}</Typography>
      {view.policy.description && <Typography>{view.policy.description}</Typography>}
      <Paper variant="outlined" sx={{ p: 2, display: 'flex', gap: 4, flexWrap: 'wrap', alignItems: 'center' }} component="section" aria-label={t('home.rates')}>
        <RateGauge label={t('home.globalRate')} value={view.globalRate.value} date={view.globalRate.date} reason={reasonText(view.globalRate, t) ?? undefined}
          min={view.peers.min} median={view.peers.median} max={view.peers.max} onExplain={() => explain(view.globalRate.explanationId)}
          onExplainStat={statExplainer(view.peers, explain)} />
        <RateGauge label={t('home.annualRate')} value={view.annualRate.value} date={view.annualRate.date} reason={reasonText(view.annualRate, t) ?? undefined} onExplain={() => explain(view.annualRate.explanationId)} />
        <Box sx={{ display: 'grid', gap: 1 }}>
          <span>{t('table.trend')} : <ExplainLink explanationId={view.trend.explanationId} label={t('table.trend')}><TrendIcon direction={view.trend.direction} delta={view.trend.delta} /></ExplainLink></span>
          <span>{t('table.weather')} : <WeatherBadge level={view.weather?.level} label={weatherLabel(view.weather?.level ?? 'NOT_FILLED')} date={view.weather?.date} /></span>
          <Box sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap' }}>{view.alerts.map((a) => <AlertChip key={a.code} code={a.code} message={a.message} />)}</Box>
        </Box>
        <Zone id="policy.rates.after" context={ctx} />
      </Paper>
      <Box sx={{ display: 'grid', gap: 3, gridTemplateColumns: { xs: 'minmax(0, 1fr)', md: 'minmax(0, 2fr) minmax(0, 1fr)' } }}>
        <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby="synthesis-title">
          <Typography id="synthesis-title" component="h2" variant="h2" gutterBottom>{t('policy.synthesis')}</Typography>
          {view.weather?.synthesis ? (
            <>
              <Typography sx={{ whiteSpace: 'pre-line' }}>{view.weather.synthesis}</Typography>
              <Typography variant="body2" color="text.secondary">{[formatDate(view.weather.date, lng), view.weather.author].filter(Boolean).join(' · ')}</Typography>
            </>
          ) : <Typography color="text.secondary">{t('policy.noSynthesis')}</Typography>}
          {view.weatherHistory.length > 0 && (
            <Box component="details" sx={{ mt: 2 }}>
              <summary>{t('policy.weatherHistory', { count: view.weatherHistory.length })}</summary>
              <Box component="ol" sx={{ pl: 2 }}>
                {view.weatherHistory.map((w, i) => (
                  <li key={`${w.date}-${i}`}><WeatherBadge level={w.level} label={weatherLabel(w.level)} date={w.date} /> {w.synthesis}</li>
                ))}
              </Box>
            </Box>
          )}
          <Box sx={{ display: 'grid', gap: 2, mt: 2 }}>
            <CommentList title={t('policy.objectives')} items={view.objectives} emptyText={t('policy.noObjectives')} />
            <CommentList title={t('policy.decisions')} items={view.decisions} emptyText={t('policy.noDecisions')} />
            <CommentList title={t('policy.comments')} items={view.comments} emptyText={t('policy.noComments')} />
          </Box>
        </Paper>
        <Box component="aside" sx={{ display: 'grid', gap: 2, alignContent: 'start' }} aria-label={t('policy.aside')}>
          <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby="owners-title">
            <Typography id="owners-title" component="h2" variant="h4" gutterBottom>{t('policy.owners')}</Typography>
            {view.policy.owners.length === 0 ? <Typography color="text.secondary">{t('policy.noOwners')}</Typography> : (
              <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0, display: 'grid', gap: 1 }}>
                {view.policy.owners.map((o) => (
                  <li key={o.email}>
                    <strong>{o.name}</strong>{o.role ? ` – ${o.role}` : ''}<br />
                    <Link href={`mailto:${o.email}?subject=${encodeURIComponent(`${view.policy.name} – ${view.territory.name}`)}`}>{t('policy.contact', { name: o.name })}</Link>
                  </li>
                ))}
              </Box>
            )}
          </Paper>
          {view.childRates.length > 0 && (
            <Paper variant="outlined" sx={{ p: 2 }}>
              <TerritoryMap values={view.childRates} title={t('policy.mapTitle')}
                onSelect={(code) => url.set({ territory: code })} />
            </Paper>
          )}
          {view.childWeather.length > 0 && (
            <Paper variant="outlined" sx={{ p: 2 }}>
              <ChildWeather items={view.childWeather} title={t('policy.childWeather')} />
            </Paper>
          )}
          {batchLevel && (
            <Paper variant="outlined" sx={{ p: 2 }} className="no-print">
              <FicheBatchPanel policyId={policyId} level={batchLevel} />
            </Paper>
          )}
          <Zone id="policy.aside" context={ctx} />
        </Box>
      </Box>
      <Box component="section" aria-labelledby="indicators-title" sx={{ display: 'grid', gap: 2, gridTemplateColumns: 'minmax(0, 1fr)' }}>
        <Typography id="indicators-title" component="h2" variant="h2">{t('policy.indicators', { count: view.indicators.length })}</Typography>
        {view.indicators.length === 0 && <Typography color="text.secondary">{t('policy.noIndicators')}</Typography>}
        {view.indicators.map((item) => <IndicatorBlock key={item.indicator.id} item={item} territoryCode={territoryCode} />)}
        <Zone id="policy.indicators.after" context={ctx} />
      </Box>
    </Box>
  );
}
