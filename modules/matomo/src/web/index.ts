import { defineModule, ZONES, type WebPart } from '@pilote/module-sdk/web';
import { manifest } from '../common/manifest';
import { MatomoTracker } from './MatomoTracker';

const web: WebPart = {
  widgets: [{ id: 'tracker', zone: ZONES.layoutFooter, component: MatomoTracker, order: 1000 }],
};

export default defineModule({ ...manifest, web });
