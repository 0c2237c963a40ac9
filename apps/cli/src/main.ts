#!/usr/bin/env node
import 'reflect-metadata';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_FILE_NAMES, isUserFacingError } from '@pilote/core';
import { commands } from './commands';
import { printHelp } from './commands/help.command';

/** `pilote <command> [options]` — the operator's tool. Every failure is one clear line, exit 1. */
async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  // Run from an instance folder (one made by create-pilote-instance), the folder itself is the instance.
  if (!process.env.PILOTE_INSTANCE && !rest.includes('--instance') && CONFIG_FILE_NAMES.some((file) => existsSync(path.join(process.cwd(), file)))) {
    process.env.PILOTE_INSTANCE = process.cwd();
  }
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    printHelp();
    return 0;
  }
  const command = commands.find((candidate) => candidate.name === name || candidate.aliases?.includes(name));
  if (!command) {
    console.error(`Unknown command "${name}". Run \`npx pilote help\` for the list.`);
    return 2;
  }
  // `pilote <command> --help` prints the usage without running anything (the docs test relies on it).
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(`Usage: npx pilote ${command.usage}\n\n${command.summary}.`);
    return 0;
  }
  return command.run(rest);
}

main(process.argv.slice(2))
  .then((code) => {
    if (code !== -1) process.exitCode = code;
  })
  .catch((error: unknown) => {
    console.error(isUserFacingError(error) ? `Error: ${error.format()}` : `Unexpected error: ${(error as Error).message}`);
    process.exitCode = 1;
  });
