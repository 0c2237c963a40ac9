import { Box, Link, Typography } from '@mui/material';
import { formatDate, LoadingState, RateGauge } from '@pilote/ui';
import { lazy, Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { useQuery } from '../../api/useQuery';
import { instanceName, useInstance } from '../../instance/InstanceContext';
import { HostThemed } from './HostThemed';
import { NotPublicNotice } from './NotPublicNotice';
import { EMBED_KINDS, type EmbedKind, PUBLIC_INDICATOR_QUERY, PUBLIC_POLICY_QUERY, type PublicIndicatorView, type PublicPolicyView } from './publicApi';
import { PublicMap } from './PublicMap';

const IndicatorChart = lazy(() => import('../charts/IndicatorChart'));

/** Tells the host page (embed.js) the height of the content, so the frame fits it: a number, no data. */
function useReportHeight(ref: React.RefObject<HTMLElement | null>) {
  useEffect(() => {
    const element = ref.current;
    if (!element || window.parent === window) return;
    const report = () => window.parent.postMessage({ type: 'pilote-embed:height', height: Math.ceil(element.getBoundingClientRect().height) }, '*');
    const observer = new ResizeObserver(report);
    observer.observe(element);
    report();
    return () => observer.disconnect();
  }, [ref]);
}

/**
 * An embeddable public chart, map, gauge or table (`/embed/<kind>/<id>?territory=`), served with
 * `frame-ancestors` from the instance's allowed sites. Anything not public shows a placeholder.
 */
export default function EmbedPage() {
  const { kind = '', id = '' } = useParams();
  const [params] = useSearchParams();
  const territoryCode = params.get('territory');
  const ref = useRef<HTMLElement>(null);
  useReportHeight(ref);
  const known = (EMBED_KINDS as string[]).includes(kind);
  const isPolicy = kind.startsWith('policy-');
  const policy = useQuery(PUBLIC_POLICY_QUERY, { policyId: id, territoryCode }, { skip: !known || !isPolicy });
  const indicator = useQuery(PUBLIC_INDICATOR_QUERY, { indicatorId: id, territoryCode }, { skip: !known || isPolicy });
  const state = isPolicy ? policy : indicator;
  return (
    <HostThemed>
      {(dropped) => (
        <Box component="main" ref={ref} data-host-theme-dropped={dropped || undefined} sx={{ p: 1.5, bgcolor: 'background.default', color: 'text.primary', fontFamily: 'fontFamily' }}>
          {!known ? <NotPublicNotice compact /> : state.data ? (
            <EmbedContent kind={kind as EmbedKind} policy={policy.data?.publicPolicy} indicator={indicator.data?.publicIndicator} />
          ) : state.loading || !state.error ? <LoadingState /> : <NotPublicNotice compact />}
        </Box>
      )}
    </HostThemed>
  );
}

function EmbedContent({ kind, policy, indicator }: { kind: EmbedKind; policy?: PublicPolicyView; indicator?: PublicIndicatorView }) {
  const { t, i18n } = useTranslation('core');
  const instance = useInstance();
  const lng = i18n.language;
  const subject = policy?.policy ?? indicator?.indicator;
  const territory = policy?.territory ?? indicator?.territory;
  if (!subject || !territory) return <NotPublicNotice compact />;
  const title = `${subject.name} — ${territory.name}`;
  const page = policy ? `/public/policies/${encodeURIComponent(policy.policy.id)}` : `/public/policies/${encodeURIComponent(indicator?.indicator.policyId ?? '')}`;
  return (
    <Box component="figure" sx={{ m: 0 }}>
      <Typography component="h1" variant="h6" sx={{ overflowWrap: 'anywhere' }}>{title}</Typography>
      {kind === 'policy-gauge' && policy && <RateGauge label={t('table.globalRate')} value={policy.policy.globalRate} size={110} />}
      {kind === 'policy-map' && policy && <PublicMap values={policy.map} title={t('public.mapTitle', { name: policy.policy.name })} />}
      {kind === 'indicator-chart' && indicator && (
        <Suspense fallback={<LoadingState />}>
          <IndicatorChart points={indicator.points} targets={indicator.targets} unit={indicator.indicator.unit} title={indicator.indicator.name} />
        </Suspense>
      )}
      {kind === 'indicator-map' && indicator && <PublicMap values={indicator.map} title={t('public.mapTitle', { name: indicator.indicator.name })} />}
      {kind === 'indicator-table' && indicator && <PublicMap values={indicator.map} title={t('public.mapTitle', { name: indicator.indicator.name })} tableOpen />}
      {(kind === 'policy-map' || kind.startsWith('indicator-')) && (policy?.map ?? indicator?.map ?? []).length === 0 && kind !== 'indicator-chart' && <Typography>{t('ui.noData')}</Typography>}
      <Typography component="figcaption" variant="body2" color="text.secondary" sx={{ mt: 1 }}>
        {subject.updatedOn ? `${t('public.updatedOn', { date: formatDate(subject.updatedOn, lng) })} · ` : ''}
        <Link href={page} target="_blank" rel="noopener">{t('public.embed.source', { name: instanceName(instance, lng) })}</Link>
      </Typography>
    </Box>
  );
}
