import { z } from 'zod';
import { dataPanelSchema } from './data-panel.schema';
import { localizedTextSchema } from './localized-text';
import { checkPublicSite, publicSiteSchema } from './public-site.schema';

const idPattern = /^[a-z][a-z0-9-]*$/;

export const territoryLevelSchema = z.object({
  id: z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'a level id is upper case, e.g. DEPT'),
  label: localizedTextSchema,
  /** Whether the dashboard can draw a map at this level (needs geometry). */
  hasMap: z.boolean().default(false),
  /** A perimeter level (e.g. CRTE) groups territories of other levels; it sits outside the hierarchy. */
  perimeter: z.boolean().default(false),
});

export const weatherLevelSchema = z.object({
  id: z.enum(['SUNNY', 'CLOUDY', 'RAINY', 'STORMY', 'NOT_FILLED', 'NOT_NEEDED']),
  label: localizedTextSchema,
});

export const commentTypeSchema = z.object({
  id: z.string().regex(idPattern),
  label: localizedTextSchema,
});

export const moduleEntrySchema = z.object({
  id: z.string().regex(idPattern),
  /** The npm package holding the module when it is not `@pilote/module-<id>` (a third party's own scope). */
  package: z.string().regex(/^(@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/, 'an npm package name, such as "@my-org/pilote-module-weather"').optional(),
  settings: z.record(z.string(), z.unknown()).default({}),
});

export const instanceConfigSchema = z.object({
  id: z.string().regex(idPattern, 'an instance id is lower-case letters, digits and dashes'),
  name: localizedTextSchema,
  shortName: localizedTextSchema.optional(),
  locales: z.array(z.enum(['fr', 'en'])).min(1).default(['fr', 'en']),
  defaultLocale: z.enum(['fr', 'en']).default('fr'),
  /** A theme package id (`neutral`, `dsfr`) or a theme folder of the instance, plus token overrides. */
  theme: z
    .object({
      extends: z.string().default('neutral'),
      tokens: z.record(z.string(), z.unknown()).default({}),
    })
    .default({ extends: 'neutral', tokens: {} }),
  /** Demo mode: seeded data and a demo login; refused when NODE_ENV=production. */
  demoMode: z.boolean().default(false),
  territoryLevels: z.array(territoryLevelSchema).min(1),
  /** Where territories come from: the French administrative referential for these levels. */
  territories: z
    .object({
      source: z.enum(['decoupage-administratif', 'files']).default('decoupage-administratif'),
      levels: z.array(z.string()).optional(),
      /** Restrict to these régions (INSEE codes), to keep small instances small. */
      regions: z.array(z.string()).optional(),
    })
    .default({ source: 'decoupage-administratif' }),
  vocabulary: z.record(z.string(), z.record(z.string(), z.string())).default({}),
  weatherLevels: z.array(weatherLevelSchema).optional(),
  commentTypes: z.array(commentTypeSchema).optional(),
  footerLinks: z.array(z.object({ label: localizedTextSchema, href: z.string() })).default([]),
  accessibility: z
    .object({ status: z.enum(['full', 'partial', 'none']).default('partial'), contact: z.string().optional() })
    .default({ status: 'partial' }),
  modules: z.array(moduleEntrySchema).default([]),
  /** Connector data drawn by a visualisation in a dashboard zone (see data-panel.schema.ts). */
  dataPanels: z.array(dataPanelSchema).default([]),
  data: z
    .object({
      /** Folder of referential files (YAML/CSV), relative to the instance folder. */
      referential: z.string().default('data/referential'),
      /** Seed used at first start: 'demo' generates deterministic demo values, 'none' starts empty. */
      seed: z.enum(['demo', 'none']).default('none'),
      /** Folder where the embedded database keeps its files, relative to the instance folder. */
      directory: z.string().default('.pilote'),
    })
    .default({ referential: 'data/referential', seed: 'none', directory: '.pilote' }),
  /** Rights: per-level account quotas for delegated administration (PILOTE: 150 per département, 200 per région). */
  rights: z
    .object({
      quotas: z.record(z.string(), z.number().int().min(0)).default({ DEPT: 150, REG: 200 }),
      /** Per-role quotas: at most this many active holders of a role in each quota territory (ADR 037); an administrator may override one territory. */
      roleQuotas: z.record(z.string(), z.number().int().min(0)).default({}),
      /** Roles a user may ask for through an access request; absent: every role but the administrator's and the public one. */
      requestableRoles: z.array(z.string().min(1)).optional(),
    })
    .default({ quotas: { DEPT: 150, REG: 200 }, roleQuotas: {} }),
  /** Data entry workflow policy (libs/workflow): who publishes by import, separation of duties, reminder delay. */
  workflow: z
    .object({
      /** Who may publish values by importing a file: only roles that may publish ('publishers'), or anyone who may import ('importers'). Others' imports become proposals. */
      publishByImport: z.enum(['publishers', 'importers']).optional(),
      /** Deprecated (before publishByImport): true = 'importers', false = 'publishers'. */
      trustedImports: z.boolean().optional(),
      /** Whether the author of a proposal may validate it (false: someone else must — separation of duties). */
      selfValidation: z.boolean().default(false),
      /** `pilote notify-deadlines` reminds assignees this many days before a campaign's deadline. */
      deadlineReminderDays: z.number().int().min(0).max(60).default(3),
    })
    .default({ selfValidation: false, deadlineReminderDays: 3 })
    .transform(({ publishByImport, trustedImports, ...rest }) => ({
      publishByImport: publishByImport ?? (trustedImports === true ? ('importers' as const) : ('publishers' as const)),
      ...rest,
    })),
  /** The audit trail (ADR 040): lines older than `retentionDays` are deleted every night; null keeps them all. */
  audit: z
    .object({ retentionDays: z.number().int().min(30, 'keep the audit trail at least 30 days').max(36_500).nullable().default(null) })
    .default({ retentionDays: null }),
  /** Usage figures (ADR 045): daily aggregates older than `retentionDays` are deleted every night. */
  usage: z
    .object({ retentionDays: z.number().int().min(1, 'keep the usage figures at least 1 day').max(3_660, 'keep the usage figures at most 3,660 days').default(400) })
    .default({ retentionDays: 400 }),
  /** The public baromètre and its embeds (public-site.schema.ts, ADR 038). */
  publicSite: publicSiteSchema,
}).superRefine((config, ctx) => checkPublicSite(config.publicSite, config.territoryLevels.map((level) => level.id), ctx));

export type InstanceConfigInput = z.input<typeof instanceConfigSchema>;
export type InstanceConfig = z.output<typeof instanceConfigSchema>;

/** Levels of the hierarchy from the broadest to the finest, then perimeter levels (computed last). */
export function computationLevelOrder(config: Pick<InstanceConfig, 'territoryLevels'>): string[] {
  const hierarchy = config.territoryLevels.filter((level) => !level.perimeter).map((level) => level.id);
  const perimeters = config.territoryLevels.filter((level) => level.perimeter).map((level) => level.id);
  // refreshIndicator processes the finest level first: perimeters go first in this list so they come last.
  return [...perimeters, ...hierarchy];
}

export function hierarchyLevels(config: Pick<InstanceConfig, 'territoryLevels'>): string[] {
  return config.territoryLevels.filter((level) => !level.perimeter).map((level) => level.id);
}
