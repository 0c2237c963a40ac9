/**
 * Environment variables override configuration keys: `PILOTE__THEME__EXTENDS=dsfr` sets
 * `theme.extends`. Values that parse as JSON (true, 12, ["fr"]) are used as such.
 */
export const OVERRIDE_PREFIX = 'PILOTE__';

export function applyEnvironmentOverrides(raw: unknown, env: NodeJS.ProcessEnv): unknown {
  const base: Record<string, unknown> = isPlainObject(raw) ? structuredClone(raw) : {};
  for (const [name, value] of Object.entries(env)) {
    if (!name.startsWith(OVERRIDE_PREFIX) || value === undefined) continue;
    const keys = name.slice(OVERRIDE_PREFIX.length).split('__').map(toCamelCase);
    let node: Record<string, unknown> = base;
    for (const key of keys.slice(0, -1)) {
      if (!isPlainObject(node[key])) node[key] = {};
      node = node[key] as Record<string, unknown>;
    }
    node[keys[keys.length - 1]] = parseValue(value);
  }
  return base;
}

function toCamelCase(segment: string): string {
  return segment.toLowerCase().replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

function parseValue(value: string): unknown {
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
