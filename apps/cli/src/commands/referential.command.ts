import path from 'node:path';
import { computationLevelOrder, currentAsOf, exportReferential, formatProblem, loadReferential, runMigrations } from '@pilote/core';
import type { Command } from './command';
import { withContext } from './with-context';

/** `pilote referential load|export <dir>`: the instance's taxonomies, policies, indicators and perimeters as files. */
export const referentialCommand: Command = {
  name: 'referential',
  summary: 'Validate and apply referential files (load), or write them back (export)',
  usage: 'referential load|export <dir> [--dry-run]',
  async run(args) {
    const [action, target] = args;
    if ((action !== 'load' && action !== 'export') || !target || target.startsWith('--')) {
      console.error('Usage: npx pilote referential load|export <dir> [--dry-run]');
      return 2;
    }
    const directory = path.resolve(target);
    return withContext(args.slice(2), async (context) => {
      await runMigrations(context.dataSource);
      if (action === 'export') {
        const counts = await exportReferential(context.dataSource, directory);
        console.log(`Wrote ${Object.entries(counts).map(([kind, n]) => `${n} ${kind}`).join(', ')} to ${directory}`);
        return 0;
      }
      const levels = context.instance.config.territoryLevels.map((level) => level.id);
      const result = await loadReferential(context.dataSource, directory, {
        levels,
        dryRun: args.includes('--dry-run'),
        recompute: { levelOrder: computationLevelOrder(context.instance.config), asOf: currentAsOf() },
      });
      if (!result.ok) {
        console.error(`${result.problems.length} problem(s) found; nothing was changed:`);
        for (const problem of result.problems) console.error(`  ${formatProblem(problem)}`);
        return 1;
      }
      const report = result.report;
      if (report) {
        for (const kind of ['taxonomies', 'policies', 'indicators', 'perimeters'] as const) {
          console.log(`${kind.padEnd(11)} created ${report.created[kind]}, updated ${report.updated[kind]}, archived ${report.archived[kind]}, unchanged ${report.unchanged[kind]}`);
        }
      }
      console.log(args.includes('--dry-run') ? 'Dry run: nothing was written.' : 'Referential applied.');
      return 0;
    });
  },
};
