// Test helpers: read the baromètre CSVs of fixtures/barometre/ (the comparison itself is in src/barometre).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseBarometreCsv, type BarometreRow } from '../src'; // the package's own sources: typechecks without a build

export const FIXTURES = join(__dirname, 'fixtures');

export interface BarometreFile {
  name: string;
  rows: BarometreRow[];
}

export function readBarometreFiles(): BarometreFile[] {
  const dir = join(FIXTURES, 'barometre');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.csv'))
    .sort()
    .map((name) => {
      const { rows, warnings } = parseBarometreCsv(readFileSync(join(dir, name), 'utf8'), name);
      if (warnings.length > 0) throw new Error(warnings.join('\n'));
      return { name, rows };
    });
}

/**
 * The development / held-out split used while the rules were written (issue 15): files ordered by
 * sha256("issue15-split:" + file name), the first 60 % for development, the rest held out and
 * measured before their misses were looked at. Random but reproducible, and blind to the content.
 */
export function splitFiles(files: BarometreFile[]): { dev: BarometreFile[]; holdout: BarometreFile[] } {
  const key = (f: BarometreFile): string => createHash('sha256').update(`issue15-split:${f.name}`).digest('hex');
  const sorted = [...files].sort((a, b) => key(a).localeCompare(key(b)));
  const cut = Math.round(sorted.length * 0.6);
  return { dev: sorted.slice(0, cut), holdout: sorted.slice(cut) };
}
