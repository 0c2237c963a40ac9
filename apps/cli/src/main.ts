#!/usr/bin/env node
import 'reflect-metadata';
import { isUserFacingError } from '@pilote/core';
import { commands } from './commands';
import { printHelp } from './commands/help.command';

/** `pilote <command> [options]` — the operator's tool. Every failure is one clear line, exit 1. */
async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    printHelp();
    return 0;
  }
  const command = commands.find((candidate) => candidate.name === name || candidate.aliases?.includes(name));
  if (!command) {
    console.error(`Unknown command "${name}". Run \`npx pilote help\` for the list.`);
    return 2;
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
