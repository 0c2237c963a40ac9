import path from 'node:path';
import { upgradeInstance } from '../upgrade/upgrade-instance';
import type { Command } from './command';

export const upgradeCommand: Command = {
  name: 'upgrade',
  summary: 'Upgrade the kit packages of this instance (newest, or --to <version>), apply migrations, run doctor',
  usage: 'upgrade [--to <version>]',
  run(args) {
    const index = args.findIndex((arg) => arg === '--to' || arg.startsWith('--to='));
    const to = index < 0 ? undefined : args[index].includes('=') ? args[index].slice(args[index].indexOf('=') + 1) : args[index + 1];
    const instanceFlag = args.findIndex((arg) => arg === '--instance');
    // The instance folder: --instance, PILOTE_INSTANCE (set by main.ts when run from the folder), or here.
    const directory = path.resolve(instanceFlag >= 0 ? args[instanceFlag + 1] : (process.env.PILOTE_INSTANCE ?? '.'));
    return upgradeInstance({ directory, to });
  },
};
