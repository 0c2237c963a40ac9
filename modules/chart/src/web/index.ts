import { lazy } from 'react';
import { defineModule, ZONES, type WebPart } from '@pilote/module-sdk/web';
import { manifest } from '../common/manifest';

// nivo is heavy: each chart is its own chunk, loaded only when a page shows it.
const LineChart = lazy(() => import('./LineChart').then((m) => ({ default: m.LineChart })));
const BarChart = lazy(() => import('./BarChart').then((m) => ({ default: m.BarChart })));
const IndicatorsOverview = lazy(() => import('./IndicatorsOverview').then((m) => ({ default: m.IndicatorsOverview })));

const web: WebPart = {
  visualisations: [
    { id: 'chart.line', displayName: { fr: 'Courbe', en: 'Line chart' }, accepts: { required: ['time', 'number'] }, component: LineChart },
    { id: 'chart.bar', displayName: { fr: 'Barres', en: 'Bar chart' }, accepts: { required: ['number'], optional: ['string', 'territory'] }, component: BarChart },
  ],
  widgets: [{ id: 'indicators-overview', zone: ZONES.policyIndicatorsAfter, component: IndicatorsOverview, order: 50 }],
};

export default defineModule({ ...manifest, web });
