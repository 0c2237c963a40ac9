import { defineModule, type ServerPart } from '@pilote/module-sdk/server';
import { type MatomoSettings, manifest } from '../common/manifest';
import { matomoOrigin, settingsSchema } from '../common/settings.schema';

/** No table, no permission: the server only lets the instance's Matomo origin into the CSP. */
const server: ServerPart<MatomoSettings> = {
  contentSecurityOrigins: (settings) => [matomoOrigin(settings)],
};

export default defineModule({ ...manifest, settingsSchema, server });
