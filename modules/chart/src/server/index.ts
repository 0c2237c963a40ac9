import { defineModule, type ServerPart } from '@pilote/module-sdk/server';
import { type ChartSettings, manifest } from '../common/manifest';
import { settingsSchema } from '../common/settings.schema';

/** The chart module only draws: no table, no permission, no connector on the server. */
const server: ServerPart<ChartSettings> = {};

export default defineModule({ ...manifest, settingsSchema, server });
