import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The kit's version, from the root package.json (one version for the whole kit). */
export function readKitVersion(): string {
  let dir = __dirname;
  for (let i = 0; i < 6; i += 1) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'pilote-kit' && pkg.version) return pkg.version;
    } catch {
      // not there: go up
    }
    dir = path.dirname(dir);
  }
  return '0.0.0';
}
