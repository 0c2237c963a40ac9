import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The kit's version (one version for the whole kit): @pilote/core's own package.json, found first
 * from both its sources and an installed copy (node_modules/@pilote/core/dist/boot), or the
 * repository's root package.json.
 */
export function readKitVersion(): string {
  let dir = __dirname;
  for (let i = 0; i < 6; i += 1) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if ((pkg.name === '@pilote/core' || pkg.name === 'pilote-kit') && pkg.version) return pkg.version;
    } catch {
      // not there: go up
    }
    dir = path.dirname(dir);
  }
  return '0.0.0';
}
