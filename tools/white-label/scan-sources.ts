import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** What apps and modules must not hard-code: it comes from the instance (config, theme, i18n). */
export const RULES: { id: string; pattern: RegExp; why: string }[] = [
  // "PILOTE kit" names the software to operators (logs, CLI), not the instance to its users.
  { id: 'product-name', pattern: /\bPILOTE\b(?! kit\b| CSV format\b)/, why: 'the product name comes from the instance (name, shortName)' },
  { id: 'raw-colour', pattern: /(^|[\s'"`(:,=])#(?:[0-9a-fA-F]{8}|[0-9a-fA-F]{6}|[0-9a-fA-F]{3})(?![0-9a-zA-Z_-])/, why: 'colours come from semantic theme tokens (themes/, instance theme)' },
  { id: 'vocabulary', pattern: /\b(chantiers?|météos?|feuilles? de route|PPG)\b/i, why: 'instance vocabulary lives in i18n files and pilote.config.ts vocabulary' },
];

/**
 * Reviewed exceptions, each with its reason. `rule: '*'` = every rule. Keep this list short: an
 * entry is a debt unless the file is instance content.
 */
export const ALLOWED: { file: string; rule: string; reason: string }[] = [
  { file: 'apps/create-pilote-instance/src/instance-templates.ts', rule: '*', reason: 'writes a new instance folder, which owns its colours and words (like examples/)' },
  { file: 'apps/web/src/instance/InstanceContext.tsx', rule: 'product-name', reason: 'debt (apps/web): unreachable fallback of instanceName(), the name is required by the config schema' },
];

export function isAllowed(finding: Finding): boolean {
  return ALLOWED.some((entry) => entry.file === finding.file && (entry.rule === '*' || entry.rule === finding.rule));
}

export interface Finding {
  file: string;
  line: number;
  rule: string;
  text: string;
}

const SOURCE = /\.(ts|tsx|js|mjs|cjs)$/;
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'test', 'dev', 'tools', '.pilote']);
const SKIPPED_FILES = /\.(spec|integration-spec|e2e-spec)\.(ts|tsx)$|\.d\.ts$|registry\.generated\.ts$/;

/** Comments are documentation: they may name the product or its words. Code and strings may not. */
export function stripComments(source: string): string {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, (block) => block.replace(/[^\n]/g, ' '))
    .replace(/(^|[^:'"`\\])\/\/.*$/gm, (_, before: string) => before);
}

export function scanSource(file: string, source: string): Finding[] {
  const findings: Finding[] = [];
  stripComments(source)
    .split('\n')
    .forEach((text, index) => {
      for (const rule of RULES) if (rule.pattern.test(text)) findings.push({ file, line: index + 1, rule: rule.id, text: text.trim().slice(0, 160) });
    });
  return findings;
}

export function listSources(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    if (SKIPPED_DIRS.has(entry)) continue;
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) out.push(...listSources(full));
    else if (SOURCE.test(entry) && !SKIPPED_FILES.test(entry)) out.push(full);
  }
  return out;
}
