import { lazy } from 'react';
import { defineModule, ZONES, type WebPart } from '@pilote/module-sdk/web';
import { manifest } from '../common/manifest';

// The SVG paths of the départements are heavy: loaded only when a page shows a map.
const ChoroplethMap = lazy(() => import('./ChoroplethMap').then((m) => ({ default: m.ChoroplethMap })));
const TerritoryChildrenMap = lazy(() => import('./TerritoryChildrenMap').then((m) => ({ default: m.TerritoryChildrenMap })));

const web: WebPart = {
  visualisations: [{ id: 'map.choropleth', displayName: { fr: 'Carte choroplèthe', en: 'Choropleth map' }, accepts: { required: ['territory', 'number'], optional: ['string'] }, component: ChoroplethMap }],
  widgets: [{ id: 'children-map', zone: ZONES.territoryMainAfter, component: TerritoryChildrenMap, order: 50 }],
};

export default defineModule({ ...manifest, web });
