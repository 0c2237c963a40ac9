import { readRuntimeSettings } from '@pilote/core';
import { startServer } from '@pilote/api';
import type { Command } from './command';

export const startCommand: Command = {
  name: 'start',
  summary: 'Start the instance (API + web app); migrates and seeds an empty database first',
  usage: 'start [--instance <dir>] [--port <n>]',
  async run(args) {
    const started = Date.now();
    const server = await startServer(readRuntimeSettings(process.env, args), { log: (line) => console.log(line) });
    console.log(`${server.context.instance.config.id} is ready at ${server.url} (${((Date.now() - started) / 1000).toFixed(1)} s) — Ctrl-C to stop`);
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      console.log(`\n${signal} received: closing connections and flushing the database…`);
      server
        .close()
        .then(() => {
          console.log('Stopped cleanly.');
          process.exit(0);
        })
        .catch((error: unknown) => {
          console.error(`Error while stopping: ${(error as Error).message}`);
          process.exit(1);
        });
    };
    process.on('SIGINT', () => stop('SIGINT'));
    process.on('SIGTERM', () => stop('SIGTERM'));
    return -1;
  },
};
