#!/usr/bin/env node
import path from 'node:path';
import { ScaffoldError, scaffoldInstance } from './scaffold-instance';

const USAGE = 'Usage: npx create-pilote-instance <dir> [--id <id>] [--name "<name>"]';

/** `npx create-pilote-instance <dir> [--id <id>] [--name "<name>"]` */
function main(argv: string[]): number {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const flag = (name: string) => {
    const index = argv.indexOf(name);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  const directory = argv.find((arg, index) => !arg.startsWith('--') && !['--id', '--name'].includes(argv[index - 1] ?? ''));
  if (!directory) {
    console.error(USAGE);
    return 2;
  }
  try {
    const files = scaffoldInstance(directory, { id: flag('--id'), name: flag('--name') });
    console.log(`Created ${directory} (${files.length} files).`);
    console.log(`Next: cd ${directory} && npm install && npm start`);
    console.log(`Inside the kit's repository: npm start -- --instance ${path.resolve(directory)}`);
    return 0;
  } catch (error) {
    if (error instanceof ScaffoldError) {
      console.error(`Error: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

process.exitCode = main(process.argv.slice(2));
