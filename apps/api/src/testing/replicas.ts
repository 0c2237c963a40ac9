import { type ChildProcess, spawn } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const repositoryRoot = path.resolve(__dirname, '../../../..');

export interface Replica {
  url: string;
  process: ChildProcess;
  /** What the process printed so far (for failure messages). */
  output(): string;
}

/** How long a replica may take to migrate, seed and listen (the first one seeds the demo). */
const START_TIMEOUT_MS = 180_000;

/**
 * Starts one API process from the TypeScript sources (tools/register-ts.cjs), as a replica of a
 * deployment: its own event loop, pool and memory, the database given by `env.DATABASE_URL`.
 * Resolves once /health answers.
 */
export async function startReplica(env: Record<string, string>, instanceDirectory = path.join(repositoryRoot, 'examples/demo')): Promise<Replica> {
  const port = await freePort();
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env, PORT: String(port) };
  delete childEnv.NODE_ENV; // jest sets "test"; a replica runs as a development server unless told
  const child = spawn(process.execPath, ['-r', path.join(repositoryRoot, 'tools/register-ts.cjs'), path.join(repositoryRoot, 'apps/api/src/main.ts'), '--instance', instanceDirectory], {
    cwd: repositoryRoot,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`replica exited before answering (${child.exitCode ?? child.signalCode}):\n${output}`);
    const healthy = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2_000) }).then((response) => response.ok, () => false);
    if (healthy) return { url, process: child, output: () => output };
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`replica did not answer /health within ${START_TIMEOUT_MS / 1000} s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Stops a replica: SIGTERM (graceful), SIGKILL after 20 s; `signal: 'SIGKILL'` kills it at once, as a crash would. */
export function stopReplica(replica: Replica, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  const child = replica.process;
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill(signal);
  });
}

export interface RoundRobinProxy {
  url: string;
  /** Which replica answered each request, in order (index into the replicas). */
  served: number[];
  close(): Promise<void>;
}

/** A load balancer in front of the replicas: each request goes to the next one in turn. */
export async function roundRobinProxy(replicas: Replica[]): Promise<RoundRobinProxy> {
  const served: number[] = [];
  let next = 0;
  const server = http.createServer((req, res) => {
    const index = next;
    next = (next + 1) % replicas.length;
    served.push(index);
    const target = new URL(replicas[index].url);
    const upstream = http.request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => {
      res.writeHead(502, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'BAD_GATEWAY', replica: index }));
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, served, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = http.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
