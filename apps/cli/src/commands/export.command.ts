import path from 'node:path';
import { runMigrations } from '@pilote/core';
import { exportMeasures, exportMeasuresToFile } from '@pilote/import';
import type { Command } from './command';
import { withContext } from './with-context';

/** `pilote export <file>`: published values in the PILOTE import format (re-importable as is). */
export const exportCommand: Command = {
  name: 'export',
  summary: 'Write published indicator values in the PILOTE CSV format (`-` for stdout)',
  usage: 'export <file|-> [--indicator <id>]… [--territory <code>]…',
  async run(args) {
    const target = args[0];
    if (!target || (target.startsWith('--') && target !== '-')) {
      console.error('Usage: npx pilote export <file|-> [--indicator <id>]… [--territory <code>]…');
      return 2;
    }
    const filter = { indicatorIds: all(args, '--indicator'), territoryCodes: all(args, '--territory') };
    return withContext(args.slice(1), async (context) => {
      await runMigrations(context.dataSource);
      if (target === '-') {
        await exportMeasures(context.dataSource, process.stdout, filter);
        return 0;
      }
      const { rows } = await exportMeasuresToFile(context.dataSource, path.resolve(target), filter);
      console.error(`${rows} value(s) written to ${target}`);
      return 0;
    });
  },
};

/** Every value of a repeatable flag; `--indicator A,B` works too. */
function all(args: string[], name: string): string[] {
  const values: string[] = [];
  args.forEach((arg, index) => {
    if (arg === name && args[index + 1]) values.push(...args[index + 1].split(','));
    else if (arg.startsWith(`${name}=`)) values.push(...arg.slice(name.length + 1).split(','));
  });
  return values.filter(Boolean);
}
