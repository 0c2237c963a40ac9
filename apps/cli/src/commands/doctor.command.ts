import { createServer } from 'node:net';
import { findWebDist } from '@pilote/api';
import { EXCELJS_VERSION, exceljsInstalled } from '@pilote/import';
import {
  closeKitContext, isUserFacingError, type KitContext, loadInstanceConfig, openKitContext, readKitVersion, readMigrationStatus, readRuntimeSettings, type RuntimeSettings,
} from '@pilote/core';
import { formatModuleProblem, moduleResolverFrom, validateModules } from '@pilote/module-sdk/server';
import { findWorkspaceRoot } from '../create-module/find-workspace-root';
import type { Command } from './command';

interface Check {
  label: string;
  ok: boolean;
  detail: string;
  fix?: string;
  /** Works, but something should change (a renamed configuration key, an optional feature off). */
  warning?: boolean;
}

/**
 * The modules pilote.config.ts lists, as the start loads them (ADR 029): the instance file's mistakes
 * fail; a package that would be left out (missing, invalid, outside kitRange) is a warning naming it.
 */
function checkModules(entries: readonly { id: string; package?: string; settings?: Record<string, unknown> }[], instanceDirectory: string): Check[] {
  const { modules, problems, skipped } = validateModules(entries, { kitVersion: readKitVersion(), resolve: moduleResolverFrom([instanceDirectory, __dirname]) });
  const checks: Check[] = problems.map((problem) => ({ label: 'Modules', ok: false, detail: formatModuleProblem(problem), fix: 'Fix the modules list of pilote.config.ts (see the module\'s README).' }));
  for (const left of skipped) checks.push({ label: 'Modules', ok: true, warning: true, detail: `left out at start: ${formatModuleProblem(left)}` });
  if (checks.length === 0) checks.push({ label: 'Modules', ok: true, detail: modules.map((module) => `${module.id} ${module.version}`).join(', ') || 'none enabled' });
  return checks;
}

/** Diagnoses an installation: each check says what is wrong and how to fix it. */
export const doctorCommand: Command = {
  name: 'doctor',
  summary: 'Check configuration, database, migrations, web build and port; print fixes',
  usage: 'doctor',
  async run(args) {
    const checks: Check[] = [];
    const [major, minor] = process.versions.node.split('.').map(Number);
    checks.push({ label: 'Kit', ok: true, detail: `version ${readKitVersion()}` });
    checks.push({
      label: 'Node.js', ok: major > 20 || (major === 20 && minor >= 19), detail: process.versions.node,
      fix: 'Install Node.js 20.19 or newer.',
    });
    let settings: RuntimeSettings | undefined;
    try {
      settings = readRuntimeSettings(process.env, args);
      checks.push({ label: 'Environment', ok: true, detail: `instance ${settings.instanceDirectory}, port ${settings.port}` });
    } catch (error) {
      checks.push(failure('Environment', error));
    }
    if (settings) {
      try {
        const loaded = loadInstanceConfig(settings.instanceDirectory);
        checks.push({ label: 'Configuration', ok: true, detail: `${loaded.file} (instance "${loaded.config.id}")` });
        for (const warning of loaded.warnings ?? []) checks.push({ label: 'Configuration', ok: true, warning: true, detail: warning });
        checks.push(...checkModules(loaded.config.modules, loaded.directory));
        await checkDatabase(settings, checks);
      } catch (error) {
        checks.push(failure('Configuration', error));
      }
      checks.push(await checkPort(settings.port));
    }
    const webDist = findWebDist();
    checks.push({ label: 'Web app build', ok: Boolean(webDist), detail: webDist ?? 'not built', fix: webBuildFix() });
    checks.push(
      exceljsInstalled()
        ? { label: 'Excel import', ok: true, detail: '.xlsx files are read (exceljs installed)' }
        : { label: 'Excel import', ok: true, detail: `off (CSV only; .xlsx files are refused): to read them, run \`npm install exceljs@${EXCELJS_VERSION}\` in the instance folder` },
    );
    for (const check of checks) {
      console.log(`${check.ok ? (check.warning ? '!' : '✓') : '✗'} ${check.label}: ${check.detail}`);
      if ((!check.ok || check.warning) && check.fix) console.log(`    → ${check.fix}`);
    }
    const failed = checks.filter((check) => !check.ok).length;
    const warnings = checks.filter((check) => check.warning).length;
    if (failed) console.log(`\n${failed} problem(s) found${warnings ? `, ${warnings} warning(s)` : ''}.`);
    else console.log(warnings ? `\nIt works, with ${warnings} warning(s) to act on (marked !).` : '\nEverything looks right.');
    return failed ? 1 : 0;
  },
};

/** In the kit's repository the web app is built from source; an installed @pilote/web ships dist/. */
function webBuildFix(): string {
  return findWorkspaceRoot(process.cwd())
    ? 'Run `npx nx run web:build` (npm start does it).'
    : 'Reinstall the kit packages (`npm install`): the @pilote/web package ships the built app in dist/.';
}

async function checkDatabase(settings: RuntimeSettings, checks: Check[]): Promise<void> {
  let context: KitContext | undefined;
  try {
    context = await openKitContext(settings);
    checks.push({ label: 'Database', ok: true, detail: context.database.kind === 'pglite' ? 'embedded PGlite' : 'PostgreSQL server' });
    if (context.database.kind === 'postgresql') checks.push(await checkPoolSize(context));
    const status = await readMigrationStatus(context.dataSource);
    checks.push({
      label: 'Migrations', ok: status.pending.length === 0,
      detail: status.pending.length ? `${status.pending.length} pending (${status.pending.join(', ')})` : `${status.applied.length} applied, none pending`,
      fix: 'Run `npx pilote migrate` (npm start and `npx pilote upgrade` also apply them; stop the instance first on the embedded database).',
    });
  } catch (error) {
    checks.push(failure('Database', error));
  } finally {
    if (context) await closeKitContext(context);
  }
}

/** The pool of one process against the server's connection limit (replicas multiply it). */
async function checkPoolSize(context: KitContext): Promise<Check> {
  const pool = context.database.poolSize;
  let usable: number;
  try {
    const [row] = (await context.dataSource.query(`SELECT current_setting('max_connections')::int AS max, current_setting('superuser_reserved_connections')::int AS reserved`)) as { max: number; reserved: number }[];
    usable = row.max - row.reserved;
  } catch (error) {
    return { label: 'Database pool', ok: true, warning: true, detail: `pool of ${pool} connections per process; the server's max_connections could not be read (${(error as Error).message})` };
  }
  const replicas = Math.floor(usable / pool);
  const detail = `pool of ${pool} connections per process (PILOTE_DATABASE_POOL_SIZE); the server accepts ${usable}: room for ${replicas} process(es) (replicas, workers, the CLI)`;
  if (pool > usable) return { label: 'Database pool', ok: false, detail, fix: `Lower PILOTE_DATABASE_POOL_SIZE below ${usable}, or raise max_connections on the server.` };
  if (replicas < 2) return { label: 'Database pool', ok: true, warning: true, detail, fix: `A second process (a replica, \`pilote migrate\`) would run out of connections: lower PILOTE_DATABASE_POOL_SIZE to ${Math.floor(usable / 2)} or less, or raise max_connections.` };
  return { label: 'Database pool', ok: true, detail };
}

function checkPort(port: number): Promise<Check> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve({ label: 'Port', ok: false, detail: `${port} is in use`, fix: `Stop what uses it or set PORT=${port + 1}.` }));
    server.listen(port, '0.0.0.0', () => server.close(() => resolve({ label: 'Port', ok: true, detail: `${port} is free` })));
  });
}

function failure(label: string, error: unknown): Check {
  if (isUserFacingError(error)) return { label, ok: false, detail: error.message, fix: error.hint };
  return { label, ok: false, detail: (error as Error).message };
}
