import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { UserFacingError } from '@pilote/core';

export interface NpmResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** The registry npm used, for messages. */
  registry: string;
}

/**
 * Runs npm in the instance folder with the user's own npm configuration (registry, proxy). `quiet`
 * captures the output; otherwise it goes to the terminal as npm prints it.
 */
export function runNpm(args: string[], cwd: string, options: { quiet?: boolean } = {}): Promise<NpmResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.platform === 'win32' ? 'npm.cmd' : 'npm', args, {
      cwd,
      shell: process.platform === 'win32',
      stdio: options.quiet ? ['ignore', 'pipe', 'pipe'] : ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, npm_config_fund: 'false', npm_config_audit: 'false', npm_config_update_notifier: 'false' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error) => reject(error));
    child.on('exit', (code) => resolve({ code, stdout, stderr, registry: process.env.npm_config_registry ?? 'configured for npm' }));
  });
}

/** Runs a command of the kit installed in the instance (after an install, the new version's). */
export function runInstalledPilote(directory: string, args: string[]): Promise<number | null> {
  const bin = path.join(directory, 'node_modules', '@pilote', 'cli', 'bin', 'pilote.cjs');
  if (!existsSync(bin)) {
    return Promise.reject(new UserFacingError(`${bin} is missing after npm install`, 'Run `npm install` in the instance folder, then `npx pilote migrate` and `npx pilote doctor`.', 'UPGRADE_FAILED'));
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args, '--instance', directory], {
      cwd: directory,
      stdio: 'inherit',
    });
    child.on('error', reject);
    child.on('exit', (code) => resolve(code));
  });
}
