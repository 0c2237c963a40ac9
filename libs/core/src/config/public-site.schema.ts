import { z } from 'zod';

/** A framing site as CSP writes it: scheme, host and optional port (`:*` = any port), no path. */
const originPattern = /^https?:\/\/[a-z0-9.-]+(:\d{1,5}|:\*)?$/i;

/**
 * The public baromètre (ADR 038): an anonymous site showing only what the instance lists here.
 * Off unless `enabled`; what it shows comes from the public read model (libs/core/src/public),
 * which selects these policies, indicators and levels and never a personal field.
 */
export const publicSiteSchema = z
  .object({
    enabled: z.boolean().default(false),
    /** 'published' = every published policy; or the ids of the policies to show (each must be published to appear). */
    policies: z.union([z.literal('published'), z.array(z.string().min(1)).min(1)]).default('published'),
    /** Indicator ids left out of the public site (e.g. a sensitive one); the others of a public policy are shown. */
    hiddenIndicators: z.array(z.string().min(1)).default([]),
    /** Territory levels shown (ids of territoryLevels); default: every level of the hierarchy. */
    levels: z.array(z.string()).optional(),
    /** Whether the météo (weather level only, never its text or author) is shown. */
    weather: z.boolean().default(false),
    /** Open-data files: licence and publisher of the catalogue entry (DCAT-AP), days of daily snapshots kept. */
    openData: z
      .object({
        license: z.string().url().default('https://www.etalab.gouv.fr/licence-ouverte-open-licence/'),
        publisher: z.string().min(1).optional(),
        snapshotsKept: z.number().int().min(1).max(3660).default(90),
      })
      .default({ license: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/', snapshotsKept: 90 }),
    /** Sites allowed to frame embeds (CSP frame-ancestors of /embed/ pages only). */
    embeds: z
      .object({ allowedSites: z.array(z.string().regex(originPattern, 'an allowed site is an origin such as https://www.example.gouv.fr (no path)')).default([]) })
      .default({ allowedSites: [] }),
  })
  .default({
    enabled: false,
    policies: 'published',
    hiddenIndicators: [],
    weather: false,
    openData: { license: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/', snapshotsKept: 90 },
    embeds: { allowedSites: [] },
  });

export type PublicSiteConfig = z.output<typeof publicSiteSchema>;

/** Cross-key checks run by the instance schema: public levels must be levels of the instance. */
export function checkPublicSite(site: PublicSiteConfig, levelIds: string[], ctx: z.RefinementCtx): void {
  for (const [index, level] of (site.levels ?? []).entries()) {
    if (!levelIds.includes(level)) {
      ctx.addIssue({ code: 'custom', path: ['publicSite', 'levels', index], message: `"${level}" is not one of territoryLevels (${levelIds.join(', ')})` });
    }
  }
}
