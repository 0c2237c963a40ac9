import { lazy } from 'react';
import { defineModule, ZONES, type WebPart } from '@pilote/module-sdk/web';
import { manifest } from '../common/manifest';

// Loaded only when a page shows a map: the SVG paths of the départements are heavy, and the
// geometry of other levels comes from the server.
const ChoroplethMap = lazy(() => import('./ChoroplethMap').then((m) => ({ default: m.ChoroplethMap })));
const AreaMap = lazy(() => import('./AreaMap').then((m) => ({ default: m.AreaMap })));
const TerritoryChildrenMap = lazy(() => import('./TerritoryChildrenMap').then((m) => ({ default: m.TerritoryChildrenMap })));

const web: WebPart = {
  visualisations: [
    { id: 'map.choropleth', displayName: { fr: 'Carte choroplèthe', en: 'Choropleth map' }, accepts: { required: ['territory', 'number'], optional: ['string'] }, component: ChoroplethMap },
    // Needs frame.meta.territoryLevel; draws from the instance's geometry files (EPCI, communes…).
    { id: 'map.areas', displayName: { fr: 'Carte des territoires (géométrie de l’instance)', en: 'Map of territories (instance geometry)' }, accepts: { required: ['territory', 'number'], optional: ['string'] }, component: AreaMap },
  ],
  widgets: [{ id: 'children-map', zone: ZONES.territoryMainAfter, component: TerritoryChildrenMap, order: 50 }],
};

export default defineModule({ ...manifest, web });
