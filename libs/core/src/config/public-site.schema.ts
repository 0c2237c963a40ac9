import { z } from 'zod';

/** An origin a browser sends as the framing site: scheme, host and optional port, nothing else. */
const originPattern = /^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i;

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
    /** Sites allowed to frame embeds (CSP frame-ancestors of /embed/ pages only). */
    embeds: z
      .object({ allowedSites: z.array(z.string().regex(originPattern, 'an allowed site is an origin such as https://www.example.gouv.fr (no path)')).default([]) })
      .default({ allowedSites: [] }),
  })
  .default({ enabled: false, policies: 'published', hiddenIndicators: [], weather: false, embeds: { allowedSites: [] } });

export type PublicSiteConfig = z.output<typeof publicSiteSchema>;

/** Cross-key checks run by the instance schema: public levels must be levels of the instance. */
export function checkPublicSite(site: PublicSiteConfig, levelIds: string[], ctx: z.RefinementCtx): void {
  for (const [index, level] of (site.levels ?? []).entries()) {
    if (!levelIds.includes(level)) {
      ctx.addIssue({ code: 'custom', path: ['publicSite', 'levels', index], message: `"${level}" is not one of territoryLevels (${levelIds.join(', ')})` });
    }
  }
}
