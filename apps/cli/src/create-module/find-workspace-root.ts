import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The folder whose package.json declares the `modules/*` workspace (the kit's repository root). */
export function findWorkspaceRoot(from: string): string | undefined {
  let dir = path.resolve(from);
  for (;;) {
    const pkgFile = path.join(dir, 'package.json');
    if (existsSync(pkgFile)) {
      const pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as { workspaces?: string[] };
      if (pkg.workspaces?.includes('modules/*')) return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
