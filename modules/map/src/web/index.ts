import { defineModule, ZONES, type WebPart } from '@pilote/module-sdk/web';
import { manifest } from '../common/manifest';
import { ChoroplethMap } from './ChoroplethMap';
import { TerritoryChildrenMap } from './TerritoryChildrenMap';

const web: WebPart = {
  visualisations: [{ id: 'map.choropleth', displayName: { fr: 'Carte choroplèthe', en: 'Choropleth map' }, accepts: { required: ['territory', 'number'], optional: ['string'] }, component: ChoroplethMap }],
  widgets: [{ id: 'children-map', zone: ZONES.territoryMainAfter, component: TerritoryChildrenMap, order: 50 }],
};

export default defineModule({ ...manifest, web });
