import { defineModule, type ServerPart } from '@pilote/module-sdk/server';
import { manifest, type MapSettings } from '../common/manifest';

/** The map module only draws: nothing on the server. */
const server: ServerPart<MapSettings> = {};

export default defineModule({ ...manifest, server });
