import { defineModule, ZONES, type WebPart } from '@pilote/module-sdk/web';
import { manifest } from '../common/manifest';
import { BarChart } from './BarChart';
import { IndicatorsOverview } from './IndicatorsOverview';
import { LineChart } from './LineChart';

const web: WebPart = {
  visualisations: [
    { id: 'chart.line', displayName: { fr: 'Courbe', en: 'Line chart' }, accepts: { required: ['time', 'number'] }, component: LineChart },
    { id: 'chart.bar', displayName: { fr: 'Barres', en: 'Bar chart' }, accepts: { required: ['number'], optional: ['string', 'territory'] }, component: BarChart },
  ],
  widgets: [{ id: 'indicators-overview', zone: ZONES.policyIndicatorsAfter, component: IndicatorsOverview, order: 50 }],
};

export default defineModule({ ...manifest, web });
