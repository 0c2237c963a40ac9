import { z } from 'zod';

/**
 * The instance's own Matomo: its address (https, no query or fragment; the tracker is
 * `<url>/matomo.js`, hits go to `<url>/matomo.php`) and the site id Matomo gave the instance.
 */
export const settingsSchema = z
  .object({
    url: z
      .string()
      .trim()
      .url('url must be the address of your Matomo, e.g. https://stats.example.gouv.fr/')
      .refine((value) => value.startsWith('https://'), 'url must start with https:// (the tracker is loaded by pages served over https)')
      .refine((value) => !/[?#]/.test(value), 'url must not carry a query or a fragment')
      .transform((value) => (value.endsWith('/') ? value : `${value}/`)),
    siteId: z.union([z.number().int().positive(), z.string().regex(/^[1-9]\d{0,9}$/, 'siteId must be the number Matomo gave this site, e.g. 3')]).transform((value) => String(value)),
  })
  .strict();

export type MatomoSettings = z.output<typeof settingsSchema>;

/** The origin the tracker comes from and sends to: the only one the CSP lets in for this module. */
export function matomoOrigin(settings: Pick<MatomoSettings, 'url'>): string {
  return new URL(settings.url).origin;
}
