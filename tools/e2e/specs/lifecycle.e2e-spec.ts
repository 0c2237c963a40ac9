// Ctrl-C stops the kit cleanly, and a restart on the same data folder finds everything in place.
// This spec starts its own server (the runner's one keeps serving the other specs).
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { e2eTarget } from '../support';

const { freePort, stopProcess, waitForHealth } = require('../support/process.cjs') as {
  freePort(): Promise<number>;
  waitForHealth(baseUrl: string, child: ChildProcess, timeoutMs: number): Promise<Health>;
  stopProcess(child: ChildProcess, signal: NodeJS.Signals, timeoutMs: number): Promise<{ code: number | null; signal: string | null; killed: boolean }>;
};

interface Health {
  status: string;
  database: { migrations?: { applied: number; pending: string[] } };
}

const root = path.resolve(__dirname, '../../..');
const cli = path.join(root, 'apps/cli/dist/main.js');

interface Started {
  child: ChildProcess;
  output: () => string;
  baseUrl: string;
  health: Health;
}

async function start(dataDirectory: string): Promise<Started> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), PILOTE__DATA__DIRECTORY: dataDirectory };
  delete env.DATABASE_URL;
  delete env.NODE_ENV; // jest sets it to 'test'; `npm start` does not set it
  const child = spawn(process.execPath, [cli, 'start', '--instance', e2eTarget().instanceDir], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const baseUrl = `http://localhost:${port}`;
  try {
    const health = await waitForHealth(baseUrl, child, 150_000);
    return { child, output: () => output, baseUrl, health };
  } catch (error) {
    await stopProcess(child, 'SIGKILL', 5_000);
    throw new Error(`${(error as Error).message}\n--- server output ---\n${output}`);
  }
}

describe(`lifecycle: ${e2eTarget().instance}`, () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'pilote-e2e-lifecycle-'));
  const dataDirectory = path.join(tmp, 'data');
  let running: Started | undefined;

  afterAll(async () => {
    if (running) await stopProcess(running.child, 'SIGKILL', 5_000);
    rmSync(tmp, { recursive: true, force: true });
  });

  test('stops cleanly on SIGINT, then restarts on the same data folder with its data', async () => {
    running = await start(dataDirectory);
    const first = running.health;
    expect(first.status).toBe('ok');
    // The first start on an empty folder seeds it (the restart below must not).
    expect(running.output()).toMatch(/First-start seed/i);

    const exit = await stopProcess(running.child, 'SIGINT', 30_000);
    expect({ ...exit, output: exit.code === 0 ? '' : running.output() }).toEqual({ code: 0, signal: null, killed: false, output: '' });
    expect(running.output()).toMatch(/Stopped cleanly/);
    running = undefined;

    running = await start(dataDirectory);
    expect(running.health.status).toBe('ok');
    expect(running.health.database.migrations).toEqual({ applied: first.database.migrations?.applied, pending: [] });
    // Had the data been lost, the empty database would be seeded again.
    expect(running.output()).not.toMatch(/First-start seed/i);
    const exitAgain = await stopProcess(running.child, 'SIGINT', 30_000);
    expect(exitAgain.code).toBe(0);
    running = undefined;
  }, 300_000);
});
