import { OVERRIDE_PREFIX } from './environment-overrides';
import { RENAMED_KEYS, type RenamedKey } from './renamed-keys';

export interface RenamedKeyFinding {
  key: string;
  /** 'warning': still read, rename it; 'error': no longer read, the configuration is refused. */
  severity: 'warning' | 'error';
  message: string;
}

export interface RenamedKeysResult {
  /** The configuration with every still-read former key moved to its new name. */
  config: unknown;
  findings: RenamedKeyFinding[];
}

/**
 * Finds former keys (renamed-keys.ts) in a configuration and says what to do with each. `fromFile`
 * is the configuration as written in the file, `merged` the same after environment overrides: a key
 * found only in `merged` came from a PILOTE__ variable, and the message names that variable.
 */
export function applyRenamedKeys(fromFile: unknown, merged: unknown, fileName: string, table: readonly RenamedKey[] = RENAMED_KEYS): RenamedKeysResult {
  const config = isPlainObject(merged) ? structuredClone(merged) : merged;
  const findings: RenamedKeyFinding[] = [];
  for (const entry of table) {
    const from = entry.from.split('.');
    if (!has(config, from)) continue;
    const where = has(fromFile, from) ? fileName : `the environment variable ${variableName(from)}`;
    const target = entry.to?.split('.');
    if (entry.status === 'ignored') {
      findings.push({ key: entry.from, severity: 'error', message: ignoredMessage(entry, where) });
      continue;
    }
    const value = get(config, from);
    remove(config, from);
    if (!target) {
      findings.push({ key: entry.from, severity: 'warning', message: `${entry.from} was removed in ${entry.since} and has no effect: ${entry.instead ?? `delete it from ${where}`}.` });
      continue;
    }
    const rule = entry.convert ? ` (${entry.convert.rule})` : '';
    if (has(config, target)) {
      findings.push({ key: entry.from, severity: 'warning', message: `${entry.from} was renamed to ${entry.to} in ${entry.since}: delete it from ${where}; ${entry.to} is set and wins.` });
      continue;
    }
    set(config, target, entry.convert ? entry.convert.apply(value) : value);
    findings.push({ key: entry.from, severity: 'warning', message: `${entry.from} was renamed to ${entry.to} in ${entry.since}: rename it in ${where}${rule}. It is still read for now.` });
  }
  return { config, findings };
}

function ignoredMessage(entry: RenamedKey, where: string): string {
  if (!entry.to) return `${entry.from} was removed in ${entry.since} and is no longer read: ${entry.instead ?? `delete it from ${where}`}.`;
  const rule = entry.convert ? ` (${entry.convert.rule})` : '';
  return `${entry.from} was renamed to ${entry.to} in ${entry.since} and is no longer read: rename it in ${where}${rule}.`;
}

function variableName(path: string[]): string {
  return OVERRIDE_PREFIX + path.map((key) => key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase()).join('__');
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parentOf(root: unknown, path: string[], create = false): Record<string, unknown> | undefined {
  let node = root;
  for (const key of path.slice(0, -1)) {
    if (!isPlainObject(node)) return undefined;
    if (create && !isPlainObject(node[key])) node[key] = {};
    node = node[key];
  }
  return isPlainObject(node) ? node : undefined;
}

function has(root: unknown, path: string[]): boolean {
  const parent = parentOf(root, path);
  return Boolean(parent && Object.prototype.hasOwnProperty.call(parent, path[path.length - 1]) && parent[path[path.length - 1]] !== undefined);
}

function get(root: unknown, path: string[]): unknown {
  return parentOf(root, path)?.[path[path.length - 1]];
}

function set(root: unknown, path: string[], value: unknown): void {
  const parent = parentOf(root, path, true);
  if (parent) parent[path[path.length - 1]] = value;
}

function remove(root: unknown, path: string[]): void {
  const parent = parentOf(root, path);
  if (parent) delete parent[path[path.length - 1]];
}
