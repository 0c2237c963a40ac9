import { Box, Paper, Typography } from '@mui/material';
import { formatDate, formatNumber, formatRate, formulaText, RateGauge, reasonText, ruleName, WeatherBadge } from '@pilote/ui';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { fetchGraphQL } from '../api/graphql';
import { ExplanationDocument, type ExplanationQuery, PolicyAtDocument, SeriesDocument } from '../api/generated/graphql';
import { Footnotes, NoteRef, PrintFrame } from '../features/print/PrintFrame';
import { runLimited } from '../features/print/runLimited';
import { SeriesFigure } from '../features/print/SeriesFigure';
import { usePrintData } from '../features/print/usePrintData';
import { localize, useInstance } from '../instance/InstanceContext';

type Explained = NonNullable<ExplanationQuery['explanation']>;

async function loadExplanation(id: string | null | undefined, asOf: string | null, signal: AbortSignal): Promise<Explained | null> {
  if (!id) return null;
  const answer = await fetchGraphQL(ExplanationDocument, { id, asOf }, signal).catch(() => null);
  return answer?.explanation ?? null;
}

/**
 * The fiche of a policy at a territory (`/print/policy/:policyId?territory=&asOf=`), for paper and
 * for the server's PDF (ADR 046): rates, météo, comments, every indicator's chart and table, and
 * how each rate is computed as numbered notes.
 */
export default function PrintPolicyPage() {
  const { policyId = '' } = useParams();
  const [params] = useSearchParams();
  const territoryCode = params.get('territory') ?? '';
  const asOf = params.get('asOf');
  const { t, i18n } = useTranslation('core');
  const lng = i18n.language;
  const instance = useInstance();
  const loaded = usePrintData(async (signal) => {
    if (!territoryCode) throw new Error('NOT_FOUND');
    const { policyAt } = await fetchGraphQL(PolicyAtDocument, { policyId, territoryCode, asOf }, signal);
    if (!policyAt) throw new Error('NOT_FOUND');
    const [globalExplanation, indicators] = await Promise.all([
      loadExplanation(policyAt.globalRate.explanationId, asOf, signal),
      runLimited(policyAt.indicators, 6, async (item) => {
        const [series, explanation] = await Promise.all([
          fetchGraphQL(SeriesDocument, { indicatorId: item.indicator.id, territoryCode, asOf }, signal),
          loadExplanation(item.globalRate.explanationId, asOf, signal),
        ]);
        return { item, series: series.indicatorSeries, explanation };
      }),
    ]);
    return { view: policyAt, globalExplanation, indicators };
  }, [policyId, territoryCode, asOf]);

  if (loaded.state !== 'ready') return <PrintFrame title={t('fiche.policyTitle')} state={loaded.state} errorCode={loaded.state === 'error' ? loaded.code : undefined}>{loaded.state === 'error' && <Typography role="alert">{t(`fiche.errors.${loaded.code}`, { defaultValue: t('fiche.errors.ERROR') })}</Typography>}</PrintFrame>;
  const { view, globalExplanation, indicators } = loaded.data;
  const weatherLabel = (id?: string | null) => (id ? localize(instance.weatherLevels.find((w) => w.id === id)?.label, lng) || undefined : undefined);
  const notes: { id: string; text: string }[] = [];
  const note = (id: string, text: string | null) => {
    if (!text) return null;
    notes.push({ id, text });
    return <NoteRef n={notes.length} />;
  };
  const explained = (explanation: Explained | null) => (explanation ? `${ruleName(explanation.ruleId, t)} : ${formulaText(explanation, t, lng)}` : null);
  const globalNote = note('global', explained(globalExplanation) ?? reasonText(view.globalRate, t));

  return (
    <PrintFrame state="ready" title={view.policy.name} subtitle={t('fiche.policyAt', { territory: view.territory.name, code: view.policy.code, date: asOf ? formatDate(asOf, lng) : formatDate(new Date().toISOString().slice(0, 10), lng) })}>
      {view.policy.description && <Typography sx={{ mb: 2 }}>{view.policy.description}</Typography>}
      <Paper variant="outlined" component="section" aria-label={t('home.rates')} sx={{ p: 1.5, display: 'flex', gap: 3, flexWrap: 'wrap', alignItems: 'center' }}>
        <Box><RateGauge label={t('home.globalRate')} value={view.globalRate.value} date={view.globalRate.date} reason={reasonText(view.globalRate, t) ?? undefined} min={view.peers.min} median={view.peers.median} max={view.peers.max} />{globalNote}</Box>
        <RateGauge label={t('home.annualRate')} value={view.annualRate.value} date={view.annualRate.date} reason={reasonText(view.annualRate, t) ?? undefined} />
        <Box>
          <Typography component="h2" variant="h4">{t('table.weather')}</Typography>
          <WeatherBadge level={view.weather?.level} label={weatherLabel(view.weather?.level ?? 'NOT_FILLED')} date={view.weather?.date} />
        </Box>
      </Paper>
      <Box component="section" aria-labelledby="fiche-synthesis" sx={{ mt: 2 }}>
        <Typography id="fiche-synthesis" component="h2" variant="h3">{t('policy.synthesis')}</Typography>
        {view.weather?.synthesis ? (
          <>
            <Typography sx={{ whiteSpace: 'pre-line' }}>{view.weather.synthesis}</Typography>
            <Typography variant="body2" color="text.secondary">{[formatDate(view.weather.date, lng), view.weather.author].filter(Boolean).join(' · ')}</Typography>
          </>
        ) : <Typography color="text.secondary">{t('policy.noSynthesis')}</Typography>}
        {[['policy.objectives', view.objectives], ['policy.decisions', view.decisions], ['policy.comments', view.comments]].map(([key, items]) => (
          Array.isArray(items) && items.length > 0 ? (
            <Box key={key as string} sx={{ mt: 1 }}>
              <Typography component="h3" variant="h4">{t(key as string)}</Typography>
              <Box component="ul" sx={{ pl: 3, my: 0.5 }}>
                {items.map((c) => <li key={c.id}>{c.body} <Typography component="span" variant="body2" color="text.secondary">({[formatDate(c.date, lng), c.author].filter(Boolean).join(' · ')})</Typography></li>)}
              </Box>
            </Box>
          ) : null
        ))}
      </Box>
      {view.policy.owners.length > 0 && (
        <Typography variant="body2" sx={{ mt: 1 }}>{t('policy.owners')} : {view.policy.owners.map((o) => `${o.name}${o.role ? ` (${o.role})` : ''} — ${o.email}`).join(' ; ')}</Typography>
      )}
      <Box component="section" aria-labelledby="fiche-indicators" sx={{ mt: 2 }}>
        <Typography id="fiche-indicators" component="h2" variant="h3">{t('policy.indicators', { count: indicators.length })}</Typography>
        {indicators.map(({ item, series, explanation }) => {
          const ind = item.indicator;
          const ref = note(`indicator-${ind.id}`, [explained(explanation) ?? reasonText(item.globalRate, t), ind.method ? `${t('policy.method')} : ${ind.method}` : null, ind.source ? `${t('policy.source')} : ${ind.source}` : null].filter(Boolean).join(' — ') || null);
          return (
            <Box component="section" key={ind.id} aria-label={ind.name} sx={{ breakInside: 'avoid', borderTop: 1, borderColor: 'divider', pt: 1, mt: 1 }}>
              <Typography component="h3" variant="h4">{ind.name}</Typography>
              <Typography variant="body2">
                {t('fiche.indicatorLine', { initial: formatNumber(item.initial?.value, lng), current: formatNumber(item.current?.value, lng), target: formatNumber(item.globalTarget?.value, lng), unit: ind.unit ?? '' })}
                {' · '}{t('home.globalRate')} {formatRate(item.globalRate.value, lng)}{ref}
                {item.weight != null ? ` · ${t('fiche.weight', { weight: item.weight })}` : ''}
              </Typography>
              <SeriesFigure title={ind.name} unit={ind.unit ?? null} points={series.points} targets={series.targets} />
            </Box>
          );
        })}
      </Box>
      <Footnotes notes={notes} />
    </PrintFrame>
  );
}
