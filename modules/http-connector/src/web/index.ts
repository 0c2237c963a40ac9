import { defineModule, type WebPart } from '@pilote/module-sdk/web';
import { manifest } from '../common/manifest';

/** A connector has nothing to draw: its frames are drawn by visualisation modules. */
const web: WebPart = {};

export default defineModule({ ...manifest, web });
