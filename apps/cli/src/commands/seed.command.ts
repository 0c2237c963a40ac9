import { runMigrations, seedInstance } from '@pilote/core';
import type { Command } from './command';
import { withContext } from './with-context';

export const seedCommand: Command = {
  name: 'seed',
  summary: "Load the instance's territories, referential and demo data into an empty database",
  usage: 'seed [--force]',
  run: (args) =>
    withContext(args, async (context) => {
      await runMigrations(context.dataSource);
      const [{ count }] = (await context.dataSource.query(`SELECT count(*)::int AS count FROM territory`)) as { count: number }[];
      if (count > 0 && !args.includes('--force')) {
        console.error('The database already holds data; nothing was changed. Use --force to seed over it (existing rows are updated, none deleted).');
        return 1;
      }
      await seedInstance(context, (line) => console.log(line));
      return 0;
    }),
};
