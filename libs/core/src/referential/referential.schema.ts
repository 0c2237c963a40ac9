import { z } from 'zod';
import { calculationSettingsSchema, fromPiloteV2 } from './calculation-settings';

const stableId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'use letters, digits, dots, dashes or underscores');
const levelId = z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'a level id is upper case, e.g. DEPT');
const valueMode = z.enum(['entered', 'aggregated']);

export const taxonomySchema = z.object({
  id: stableId,
  kind: z.string().min(1),
  label: z.string().min(1),
  parent: stableId.optional(),
  status: z.enum(['active', 'archived']).default('active'),
});

export const ownerSchema = z.object({
  name: z.string().min(1),
  email: z.email('expected an e-mail address'),
  role: z.string().optional(),
});

export const policySchema = z.object({
  id: stableId,
  code: z.string().optional(),
  name: z.string().min(1),
  kind: z.enum(['priority-reform', 'structuring-project', 'other']),
  status: z.enum(['draft', 'published', 'archived']).default('draft'),
  description: z.string().optional(),
  owners: z.array(ownerSchema).default([]),
  levels: z.array(levelId).min(1),
  taxonomies: z.array(stableId).default([]),
});

export const levelSettingsSchema = z.object({
  weight: z.number().min(0).default(1),
  VI: valueMode.default('entered'),
  VA: valueMode.default('entered'),
  VC: valueMode.default('entered'),
  aggregation: z.enum(['sum', 'mean', 'population-weighted-mean']).default('sum'),
  /** PILOTE's calculation parameters at this level (which VI, comparable current values…); absent: the defaults */
  calculation: calculationSettingsSchema.optional(),
});

const indicatorObject = z.object({
  id: stableId,
  policy: stableId,
  name: z.string().min(1),
  type: z.string().min(1).default('impact'),
  unit: z.string().min(1),
  direction: z.enum(['rising', 'falling']),
  source: z.string().optional(),
  method: z.string().optional(),
  description: z.string().optional(),
  periodicity: z.enum(['daily', 'weekly', 'monthly', 'quarterly', 'semiannual', 'yearly']),
  availabilityDelayDays: z.number().int().min(0).default(0),
  levels: z.record(levelId, levelSettingsSchema).refine((levels) => Object.keys(levels).length > 0, 'give the settings of at least one level'),
  /** PILOTE's zone group (`zg_applicable`): territory codes where it applies, with every territory below them; absent: everywhere */
  applicableIn: z.array(z.string().min(1)).min(1, 'list at least one territory code, or leave applicableIn out').optional(),
  status: z.enum(['active', 'archived']).default('active'),
});

/** An indicator; PILOTE v2's parameter names are accepted too (see `fromPiloteV2`). */
export const indicatorSchema = z.preprocess(
  (raw, ctx) => fromPiloteV2(raw, (field, message) => ctx.addIssue({ code: 'custom', message, path: [field] })),
  indicatorObject,
);

export const perimeterSchema = z.object({
  code: z.string().regex(/^[A-Z0-9][A-Z0-9_-]*$/, 'a perimeter code is upper case, e.g. CRTE-ARDENNES'),
  level: levelId,
  name: z.string().min(1),
  parent: z.string().optional(),
  members: z.array(z.string().min(1)).min(1),
});

export type TaxonomyDefinition = z.output<typeof taxonomySchema>;
export type PolicyDefinition = z.output<typeof policySchema>;
export type IndicatorDefinition = z.output<typeof indicatorSchema>;
export type LevelSettings = z.output<typeof levelSettingsSchema>;
export type PerimeterDefinition = z.output<typeof perimeterSchema>;

export interface Referential {
  taxonomies: TaxonomyDefinition[];
  policies: PolicyDefinition[];
  indicators: IndicatorDefinition[];
  perimeters: PerimeterDefinition[];
}

/** The files of a referential folder, each holding a list of one kind of definition. */
export const REFERENTIAL_FILES = {
  taxonomies: taxonomySchema,
  policies: policySchema,
  indicators: indicatorSchema,
  perimeters: perimeterSchema,
} as const;

export type ReferentialKind = keyof typeof REFERENTIAL_FILES;
