import 'reflect-metadata';
import { isUserFacingError, readRuntimeSettings } from '@pilote/core';
import { startServer } from './server';

/** `node apps/api/dist/main.js`: the API alone (the CLI's `pilote start` does the same). */
async function main(): Promise<void> {
  const server = await startServer(readRuntimeSettings(process.env, process.argv.slice(2)), { log: (line) => console.log(line) });
  console.log(`PILOTE kit is ready at ${server.url}`);
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(isUserFacingError(error) ? `Error: ${error.format()}` : `Unexpected error: ${(error as Error).message}`);
  process.exit(1);
});
