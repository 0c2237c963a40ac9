import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import ts from 'typescript';

/** One package imported by a workspace package, with the source folders that import it. */
export interface PackageImport {
  name: string;
  /** e.g. `src/web`, `src/server`, `src/main.ts`: the first two path segments of each importing file. */
  from: string[];
}

const SOURCE = /\.(ts|tsx|cts|mts|js|cjs|mjs)$/;
const TEST = /\.(spec|integration-spec)\.tsx?$/;

function sourceFiles(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) sourceFiles(full, out);
    else if (SOURCE.test(entry) && !TEST.test(entry)) out.push(full);
  }
  return out;
}

/** `@scope/name/deep` → `@scope/name`; `name/deep` → `name`; undefined for relative and built-in. */
export function packageNameOf(specifier: string): string | undefined {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:')) return undefined;
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  return builtinModules.includes(name) ? undefined : name;
}

/**
 * Every package the published sources of `dir` import (value and type imports, re-exports,
 * require() and import()), read with TypeScript's own pre-processor, so an import written inside a
 * template string (the CLI's module templates) is not counted. Tests are not published: skipped.
 */
export function packageImports(dir: string, self: string): PackageImport[] {
  const found = new Map<string, Set<string>>();
  for (const file of sourceFiles(path.join(dir, 'src'))) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    for (const { fileName } of importedFiles) {
      const name = packageNameOf(fileName);
      if (!name || name === self) continue;
      const from = path.relative(dir, file).split(path.sep).slice(0, 2).join('/');
      found.set(name, (found.get(name) ?? new Set()).add(from));
    }
  }
  return [...found].map(([name, from]) => ({ name, from: [...from].sort() })).sort((a, b) => a.name.localeCompare(b.name));
}
