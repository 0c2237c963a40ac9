import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { checkBarometre, formatBarometreReport, parseBarometreCsv, type BarometreRow } from '@pilote/engine';
import type { Command } from './command';

const USAGE = 'barometre check <folder> [--every] [--zones] [--json] [--no-infer] [--tolerance <points>] [--min-rate <%>]';

/**
 * `pilote barometre check <folder>`: compares the engine with the rates PILOTE published in its
 * baromètre files (one CSV per indicator), prints the match rate, the disagreement classes and the
 * parameters it inferred. Needs no instance nor database. See docs/operating/barometre-check.md.
 */
export const barometreCommand: Command = {
  name: 'barometre',
  summary: "Compare the engine with the rates published on the public baromètre (match rate, classes)",
  usage: USAGE,
  async run(args) {
    const [action, target] = args;
    if (action !== 'check' || !target || target.startsWith('--')) {
      console.error(`Usage: npx pilote ${USAGE}`);
      return 2;
    }
    const options = args.slice(2);
    const tolerance = numberOption(options, '--tolerance');
    const minRate = numberOption(options, '--min-rate');
    if (tolerance === null || minRate === null) {
      console.error('Error: --tolerance and --min-rate take a number (points, and a percentage).');
      return 2;
    }
    const unknown = options.filter((o, i) => o.startsWith('--') && !KNOWN.has(o) && !(i > 0 && VALUED.has(options[i - 1])));
    if (unknown.length > 0) {
      console.error(`Error: unknown option ${unknown.join(', ')}.\nUsage: npx pilote ${USAGE}`);
      return 2;
    }

    const folder = path.resolve(target);
    let files: string[];
    try {
      files = statSync(folder).isDirectory() ? csvFiles(folder) : [];
    } catch {
      console.error(`Error: folder not found: ${folder}`);
      return 1;
    }
    if (files.length === 0) {
      console.error(`Error: no .csv file in ${folder} (nor its sub-folders)`);
      return 1;
    }
    const rows: BarometreRow[] = [];
    const warnings: string[] = [];
    const skipped: string[] = [];
    for (const file of files) {
      try {
        const parsed = parseBarometreCsv(readFileSync(path.join(folder, file), 'utf8'), file);
        rows.push(...parsed.rows);
        warnings.push(...parsed.warnings);
      } catch (error) {
        skipped.push((error as Error).message);
      }
    }

    const which = options.includes('--every') ? 'every' : 'latest';
    const check = checkBarometre(rows, {
      which,
      infer: !options.includes('--no-infer'),
      tolerance: tolerance ?? undefined,
      parentOf: regionOfDepartement(),
    });
    if (options.includes('--json')) {
      const { comparisons, ...summary } = check;
      const indicators = summary.indicators.map(({ comparisons: _c, ...i }) => i);
      console.log(JSON.stringify({ ...summary, indicators, disagreements: comparisons.filter((c) => c.cls !== 'match'), warnings, skipped }, null, 2));
    } else {
      console.log(formatBarometreReport(check, { zones: options.includes('--zones'), source: `${files.length - skipped.length} file(s) in ${target}`, which }));
      for (const s of skipped) console.error(`Skipped: ${s}`);
      if (warnings.length > 0) console.error(`${warnings.length} row warning(s)${warnings.length > 5 ? ', the first 5' : ''}:\n  ${warnings.slice(0, 5).join('\n  ')}`);
    }
    if (minRate !== undefined && check.zones > 0 && (100 * check.matched) / check.zones < minRate) {
      console.error(`Match rate ${((100 * check.matched) / check.zones).toFixed(1)} % is under --min-rate ${minRate} %.`);
      return 1;
    }
    return 0;
  },
};

/** Every .csv of the folder and its sub-folders, as paths relative to it, in name order. */
function csvFiles(folder: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(folder, prefix), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const relative = prefix ? path.join(prefix, entry.name) : entry.name;
    if (entry.isDirectory()) out.push(...csvFiles(folder, relative));
    else if (entry.name.toLowerCase().endsWith('.csv')) out.push(relative);
  }
  return out;
}

const KNOWN = new Set(['--every', '--zones', '--json', '--no-infer', '--tolerance', '--min-rate']);
const VALUED = new Set(['--tolerance', '--min-rate']);

/** undefined when absent, null when not a number. */
function numberOption(args: string[], name: string): number | null | undefined {
  const index = args.indexOf(name);
  if (index < 0) return undefined;
  const value = Number(args[index + 1]);
  return args[index + 1] === undefined || !Number.isFinite(value) ? null : value;
}

/** A département's region (D01 → R84), from the COG the kit ships (@etalab/decoupage-administratif). */
function regionOfDepartement(): (zone: string) => string | undefined {
  const rows = require('@etalab/decoupage-administratif/data/departements.json') as { code: string; region: string }[];
  const map = new Map(rows.map((d) => [`D${d.code}`, `R${d.region}`]));
  return (zone) => map.get(zone);
}
