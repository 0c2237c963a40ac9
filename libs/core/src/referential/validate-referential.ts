import type { z } from 'zod';
import type { RawReferential, SourcedItem } from './read-referential-files';
import type { ReferentialProblem } from './referential-error';
import { REFERENTIAL_FILES, type Referential, type ReferentialKind } from './referential.schema';

export interface ValidationResult {
  referential: Referential;
  problems: ReferentialProblem[];
}

const ID_FIELD: Record<ReferentialKind, 'id' | 'code'> = { taxonomies: 'id', policies: 'id', indicators: 'id', perimeters: 'code' };

/** Checks every item and every cross-reference; returns all problems at once, never the first only. */
export function validateReferential(raw: RawReferential, options: { levels: string[] }): ValidationResult {
  const problems: ReferentialProblem[] = [];
  const referential: Referential = { taxonomies: [], policies: [], indicators: [], perimeters: [] };
  const sources = new Map<string, SourcedItem>();

  for (const kind of Object.keys(REFERENTIAL_FILES) as ReferentialKind[]) {
    const schema = REFERENTIAL_FILES[kind] as z.ZodType;
    const seen = new Map<string, SourcedItem>();
    for (const item of raw[kind]) {
      const parsed = schema.safeParse(item.raw);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const field = issue.path.map(String).join('.');
          const top = String(issue.path[0] ?? '');
          problems.push({ file: item.file, line: item.fieldLines[top] ?? item.line, field, message: issue.message });
        }
        continue;
      }
      const value = parsed.data as Record<string, unknown>;
      const id = String(value[ID_FIELD[kind]]);
      const previous = seen.get(id);
      if (previous) {
        problems.push({ file: item.file, line: item.line, field: ID_FIELD[kind], message: `duplicate ${ID_FIELD[kind]} "${id}" (first at line ${previous.line})` });
        continue;
      }
      seen.set(id, item);
      sources.set(`${kind}:${id}`, item);
      (referential[kind] as unknown[]).push(value);
    }
  }

  const at = (kind: ReferentialKind, id: string, field: string) => {
    const item = sources.get(`${kind}:${id}`);
    return { file: item?.file ?? kind, line: item?.fieldLines[field.split('.')[0]] ?? item?.line ?? 0, field };
  };
  const taxonomyIds = new Set(referential.taxonomies.map((t) => t.id));
  const policyIds = new Set(referential.policies.map((p) => p.id));
  const levels = new Set(options.levels);
  const levelList = options.levels.join(', ');

  for (const taxonomy of referential.taxonomies) {
    if (taxonomy.parent && !taxonomyIds.has(taxonomy.parent)) {
      problems.push({ ...at('taxonomies', taxonomy.id, 'parent'), message: `unknown taxonomy "${taxonomy.parent}"` });
    }
  }
  for (const policy of referential.policies) {
    policy.taxonomies.forEach((id, index) => {
      if (!taxonomyIds.has(id)) problems.push({ ...at('policies', policy.id, `taxonomies.${index}`), message: `unknown taxonomy "${id}"` });
    });
    policy.levels.forEach((level, index) => {
      if (!levels.has(level)) problems.push({ ...at('policies', policy.id, `levels.${index}`), message: `unknown level "${level}" (this instance has ${levelList})` });
    });
  }
  for (const indicator of referential.indicators) {
    if (!policyIds.has(indicator.policy)) {
      problems.push({ ...at('indicators', indicator.id, 'policy'), message: `unknown policy "${indicator.policy}"` });
    }
    for (const level of Object.keys(indicator.levels)) {
      if (!levels.has(level)) problems.push({ ...at('indicators', indicator.id, `levels.${level}`), message: `unknown level "${level}" (this instance has ${levelList})` });
    }
  }
  for (const perimeter of referential.perimeters) {
    if (!levels.has(perimeter.level)) {
      problems.push({ ...at('perimeters', perimeter.code, 'level'), message: `unknown level "${perimeter.level}": declare it in territoryLevels of pilote.config.ts` });
    }
  }
  return { referential, problems };
}
