import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { formatDate, formatRate, formulaText, RateGauge, ruleName, WeatherBadge } from '@pilote/ui';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { fetchGraphQL } from '../api/graphql';
import { ExplanationDocument, PolicyAtDocument, TerritoryViewDocument } from '../api/generated/graphql';
import { Footnotes, NoteRef, PrintFrame } from '../features/print/PrintFrame';
import { runLimited } from '../features/print/runLimited';
import { usePrintData } from '../features/print/usePrintData';
import { localize, useInstance } from '../instance/InstanceContext';

const BAR_HEIGHT = 16;

/**
 * The fiche of a territory (`/print/territory/:code?asOf=`): its mean rate, each policy's rate as a
 * bar, météo and latest comments (ADR 046). Each policy's synthesis is read from its own page's query.
 */
export default function PrintTerritoryPage() {
  const { code = '' } = useParams();
  const [params] = useSearchParams();
  const asOf = params.get('asOf');
  const { t, i18n } = useTranslation('core');
  const lng = i18n.language;
  const instance = useInstance();
  const loaded = usePrintData(async (signal) => {
    const { territoryView } = await fetchGraphQL(TerritoryViewDocument, { code, asOf }, signal);
    if (!territoryView) throw new Error('NOT_FOUND');
    const explanation = territoryView.rate.explanationId ? (await fetchGraphQL(ExplanationDocument, { id: territoryView.rate.explanationId, asOf }, signal).catch(() => null))?.explanation ?? null : null;
    const policies = await runLimited(territoryView.rates, 4, async (row) => {
      const answer = await fetchGraphQL(PolicyAtDocument, { policyId: row.policy.id, territoryCode: code, asOf }, signal).catch(() => null);
      return { row, at: answer?.policyAt ?? null };
    });
    return { view: territoryView, explanation, policies };
  }, [code, asOf]);

  if (loaded.state !== 'ready') return <PrintFrame title={t('fiche.territoryTitle')} state={loaded.state} errorCode={loaded.state === 'error' ? loaded.code : undefined}>{loaded.state === 'error' && <Typography role="alert">{t(`fiche.errors.${loaded.code}`, { defaultValue: t('fiche.errors.ERROR') })}</Typography>}</PrintFrame>;
  const { view, explanation, policies } = loaded.data;
  const weatherLabel = (id?: string | null) => (id ? localize(instance.weatherLevels.find((w) => w.id === id)?.label, lng) || undefined : undefined);
  const levelLabel = localize(instance.levels.find((l) => l.id === view.territory.level)?.label, lng, view.territory.level);
  const notes = explanation ? [{ id: 'mean', text: `${ruleName(explanation.ruleId, t)} : ${formulaText(explanation, t, lng)}` }] : [];
  const width = 480;
  return (
    <PrintFrame state="ready" title={view.territory.name} subtitle={t('fiche.territoryOf', { level: levelLabel, code: view.territory.code, date: formatDate(asOf ?? new Date().toISOString().slice(0, 10), lng) })}>
      <Box component="section" aria-label={t('home.rates')} sx={{ display: 'flex', gap: 3, flexWrap: 'wrap' }}>
        <Box><RateGauge label={t('territory.meanRate')} value={view.rate.value} min={view.rate.min} median={view.rate.median} max={view.rate.max} />{notes.length > 0 && <NoteRef n={1} />}</Box>
        {view.parent && view.parentRate && <RateGauge label={t('territory.parentRate', { territory: view.parent.name })} value={view.parentRate.value} />}
      </Box>
      <Box component="figure" sx={{ m: 0, mt: 2 }}>
        <svg viewBox={`0 0 ${width} ${Math.max(1, view.rates.length) * (BAR_HEIGHT + 4)}`} role="img" aria-label={t('fiche.ratesChart')} style={{ width: '100%', height: 'auto' }}>
          {view.rates.map((row, i) => (
            <g key={row.policy.id} transform={`translate(0, ${i * (BAR_HEIGHT + 4)})`}>
              <text x={0} y={BAR_HEIGHT - 4} fontSize={10} fill="currentColor">{row.policy.name.slice(0, 40)}</text>
              <rect x={200} y={0} width={240} height={BAR_HEIGHT} fill="none" stroke="currentColor" strokeOpacity={0.3} />
              <rect x={200} y={0} width={(240 * (row.globalRate.value ?? 0)) / 100} height={BAR_HEIGHT} fill="var(--pilote-accent, currentColor)" />
              <text x={444} y={BAR_HEIGHT - 4} fontSize={10} fill="currentColor">{formatRate(row.globalRate.value, lng)}</text>
            </g>
          ))}
        </svg>
      </Box>
      <Table size="small" aria-label={t('home.tableCaption', { territory: view.territory.name })} sx={{ mt: 1, '& td, & th': { py: 0.25, px: 0.5, fontSize: 12 } }}>
        <TableHead><TableRow><TableCell>{t('fiche.policy')}</TableCell><TableCell align="right">{t('table.globalRate')}</TableCell><TableCell align="right">{t('table.annualRate')}</TableCell><TableCell>{t('table.weather')}</TableCell></TableRow></TableHead>
        <TableBody>
          {view.rates.map((row) => (
            <TableRow key={row.policy.id}>
              <TableCell>{row.policy.name}</TableCell>
              <TableCell align="right">{formatRate(row.globalRate.value, lng)}</TableCell>
              <TableCell align="right">{formatRate(row.annualRate.value, lng)}</TableCell>
              <TableCell>{weatherLabel(row.weather?.level ?? 'NOT_FILLED') ?? '—'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {policies.map(({ row, at }) => (
        <Box component="section" key={row.policy.id} aria-label={row.policy.name} sx={{ breakInside: 'avoid', borderTop: 1, borderColor: 'divider', pt: 1, mt: 1 }}>
          <Typography component="h2" variant="h4">{row.policy.name} <WeatherBadge level={at?.weather?.level} label={weatherLabel(at?.weather?.level ?? 'NOT_FILLED')} date={at?.weather?.date} /></Typography>
          {at?.weather?.synthesis ? <Typography sx={{ whiteSpace: 'pre-line' }}>{at.weather.synthesis}</Typography> : <Typography variant="body2" color="text.secondary">{t('policy.noSynthesis')}</Typography>}
          {at && at.comments.length > 0 && (
            <Box component="ul" sx={{ pl: 3, my: 0.5 }}>
              {at.comments.slice(0, 3).map((c) => <li key={c.id}>{c.body} <Typography component="span" variant="body2" color="text.secondary">({[formatDate(c.date, lng), c.author].filter(Boolean).join(' · ')})</Typography></li>)}
            </Box>
          )}
        </Box>
      ))}
      {view.roadmap.length > 0 && (
        <Box component="section" aria-labelledby="fiche-roadmap" sx={{ mt: 2 }}>
          <Typography id="fiche-roadmap" component="h2" variant="h3">{t('territory.roadmap')}</Typography>
          <Box component="ul" sx={{ pl: 3 }}>{view.roadmap.map((item) => <li key={item.policy.id}>{item.policy.name}{item.localObjective ? ` — ${item.localObjective}` : ''}</li>)}</Box>
        </Box>
      )}
      <Footnotes notes={notes} />
    </PrintFrame>
  );
}
