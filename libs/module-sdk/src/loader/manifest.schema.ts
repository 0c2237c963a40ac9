import semver from 'semver';
import { z } from 'zod';
import { MODULE_ID_MAX_LENGTH, MODULE_ID_PATTERN } from '../common/module-id';

const localizedName = z.object({ fr: z.string().min(1), en: z.string().min(1) });
const isSchema = (value: unknown) => typeof value === 'object' && value !== null && typeof (value as { safeParse?: unknown }).safeParse === 'function';
const stableId = z.string().regex(/^[a-z][a-z0-9-]*$/, 'expected a stable id: lower-case letters, digits and dashes');

/** The structure every manifest must have; checked at boot before anything of the module runs. */
export const manifestSchema = z.looseObject({
  id: z
    .string()
    .max(MODULE_ID_MAX_LENGTH, `at most ${MODULE_ID_MAX_LENGTH} characters`)
    .regex(MODULE_ID_PATTERN, 'expected lower-case letters, digits and single dashes, starting with a letter (e.g. "help-centre")'),
  version: z.string().refine((value) => semver.valid(value) !== null, 'expected a semantic version such as "1.2.0"'),
  kitRange: z.string().refine((value) => semver.validRange(value) !== null, 'expected a semver range such as "^0.1.0"'),
  displayName: localizedName,
  description: localizedName.optional(),
  dependsOn: z.array(z.string()).optional(),
  settingsSchema: z.custom((value) => value === undefined || isSchema(value), 'expected a zod schema').optional(),
  publicSettings: z.array(z.string().min(1)).optional(),
  i18n: z.object({ fr: z.record(z.string(), z.unknown()), en: z.record(z.string(), z.unknown()) }).optional(),
  server: z
    .looseObject({
      nestModule: z.unknown().optional(),
      migrations: z.array(z.custom((value) => typeof value === 'function', 'expected a migration class')).optional(),
      permissions: z
        .array(
          z.object({
            subject: z.string().regex(/^[A-Z][A-Za-z0-9]*$/, 'expected a PascalCase subject such as "HelpArticle"'),
            actions: z.array(z.enum(['read', 'create', 'update', 'delete', 'validate', 'publish', 'import', 'export', 'manage'])).min(1),
            description: z.string().optional(),
            defaultGrants: z.record(z.string(), z.array(z.string())).optional(),
          }),
        )
        .optional(),
      connectors: z
        .union([z.custom<(...args: unknown[]) => unknown>((value) => typeof value === 'function', 'expected a function returning connectors'), z.array(
          z.looseObject({
            id: stableId,
            displayName: localizedName,
            settingsSchema: z.custom(isSchema, 'expected a zod schema'),
            read: z.custom((value) => typeof value === 'function', 'expected a function read(settings, query)'),
          }),
        )])
        .optional(),
      exports: z.record(z.string(), z.unknown()).optional(),
    })
    .optional(),
});
