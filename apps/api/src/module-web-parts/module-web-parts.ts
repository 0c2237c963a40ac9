import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { modulePackageName } from '@pilote/module-sdk/server';

/** Where a module's pre-built web part lives in its package (built by `pilote-module build`). */
export const WEB_PART_FILE = 'dist/web/index.js';
export const MODULE_WEB_PATH = '/module-web';

export interface WebPartFile {
  id: string;
  packageName: string;
  file: string;
  /** First 16 hex digits of the SHA-256 of the file: its URL changes when it changes. */
  hash: string;
  bytes: number;
}

/**
 * The pre-built web parts of the enabled modules (ADR 029), found in their installed packages.
 * The hash is read again when the file's size or time changes, so `pilote-module watch` shows at the
 * next page load without a restart.
 */
export class ModuleWebParts {
  private readonly files = new Map<string, { packageName: string; file: string }>();
  private readonly hashes = new Map<string, { stamp: string; hash: string; bytes: number }>();

  constructor(modules: readonly { id: string; package?: string }[], paths: string[]) {
    for (const { id, package: given } of modules) {
      const packageName = modulePackageName(id, given);
      let packageFile: string;
      try {
        packageFile = require.resolve(`${packageName}/package.json`, { paths });
      } catch {
        continue; // in-repository modules without ./package.json export are compiled into the web app
      }
      const file = path.join(path.dirname(packageFile), WEB_PART_FILE);
      if (existsSync(file)) this.files.set(id, { packageName, file });
    }
  }

  /** The package an enabled module's web part comes from, or undefined when it has none. */
  packageName(id: string): string | undefined {
    return this.files.get(id)?.packageName;
  }

  /** The web part of an enabled module, or undefined when it has none (or it was deleted since). */
  get(id: string): WebPartFile | undefined {
    const found = this.files.get(id);
    if (!found || !existsSync(found.file)) return undefined;
    const stat = statSync(found.file);
    const stamp = `${stat.size}:${stat.mtimeMs}`;
    let cached = this.hashes.get(id);
    if (cached?.stamp !== stamp) {
      const content = readFileSync(found.file);
      cached = { stamp, hash: createHash('sha256').update(content).digest('hex').slice(0, 16), bytes: content.length };
      this.hashes.set(id, cached);
    }
    return { id, ...found, hash: cached.hash, bytes: cached.bytes };
  }

  /** The URL the browser imports: `/module-web/<id>/<hash>.js`. */
  url(id: string): string | undefined {
    const part = this.get(id);
    return part ? `${MODULE_WEB_PATH}/${id}/${part.hash}.js` : undefined;
  }
}
