import { readMigrationStatus, runMigrations } from '@pilote/core';
import type { Command } from './command';
import { withContext } from './with-context';

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'Apply pending database migrations (--status to only list them)',
  usage: 'migrate [--status]',
  run: (args) =>
    withContext(args, async (context) => {
      if (args.includes('--status')) {
        const status = await readMigrationStatus(context.dataSource);
        console.log(`Applied: ${status.applied.length}; pending: ${status.pending.length ? status.pending.join(', ') : 'none'}`);
        return status.pending.length ? 1 : 0;
      }
      const applied = await runMigrations(context.dataSource);
      console.log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(', ')}` : 'Database is up to date.');
      return 0;
    }),
};
