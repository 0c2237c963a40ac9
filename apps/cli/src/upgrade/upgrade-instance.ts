import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { UserFacingError } from '@pilote/core';
import { readInstanceManifest } from './instance-manifest';
import { runInstalledPilote, runNpm } from './run-npm';
import { assertVersionSpec, resolveTargetVersion } from './target-version';

export interface UpgradeOptions {
  directory: string;
  /** `--to`: a version or range; the newest published version supporting this Node.js by default. */
  to?: string;
  log?: (line: string) => void;
}

/**
 * `pilote upgrade`: sets every kit package of the instance to the target version (`^x.y.z` in its
 * package.json) and installs it, then runs the *new* version's `pilote migrate` (all pending
 * migrations in one transaction, under the advisory lock) and `pilote doctor`. If the migrations
 * fail, package.json and package-lock.json are put back and installed again: the instance stays on
 * the version its database is on. Returns the exit code (doctor's once upgraded).
 */
export async function upgradeInstance(options: UpgradeOptions): Promise<number> {
  const log = options.log ?? ((line: string) => console.log(line));
  assertVersionSpec(options.to);
  const manifest = readInstanceManifest(options.directory);
  const target = await resolveTargetVersion(options.directory, options.to);
  const from = manifest.installedVersion;
  log(from === target ? `The kit is already ${target}: checking migrations and configuration.` : `Upgrading the kit from ${from} to ${target}…`);
  if (manifest.otherPackages.length > 0) {
    log(`Left as they are (not packages of the kit): ${manifest.otherPackages.join(', ')}. If the kit ${target} is outside a module's kitRange, the instance leaves that module out at start: upgrade it too.`);
  }
  const saved = savedFiles(options.directory, ['package.json', 'package-lock.json']);
  if (from !== target) {
    for (const [field, names] of Object.entries(manifest.kitPackages)) {
      if (names.length === 0) continue;
      const install = await runNpm(['install', field === 'devDependencies' ? '--save-dev' : '--save', ...names.map((name) => `${name}@^${target}`)], options.directory);
      if (install.code !== 0) {
        await restore(options.directory, saved, log);
        throw new UserFacingError(`npm install of the kit ${target} failed (its output is above); the instance is back on ${from}.`, 'Check the registry and the network, then run `npx pilote upgrade` again.', 'UPGRADE_FAILED');
      }
    }
  }
  log(`\n▸ pilote migrate (${target})`);
  const migrated = await runInstalledPilote(options.directory, ['migrate']);
  if (migrated !== 0) {
    if (from !== target) {
      await restore(options.directory, saved, log);
      log(`\nThe upgrade to ${target} was undone: its migrations failed (above) and were rolled back, so the database is unchanged; the packages are back to ${from}.`);
    } else {
      log(`\nThe migrations failed (above) and were rolled back: the database is unchanged.`);
    }
    return 1;
  }
  log(`\n▸ pilote doctor (${target})`);
  const doctor = await runInstalledPilote(options.directory, ['doctor']);
  log(doctor === 0 ? `\nThe instance is on the kit ${target}. Start it as usual (npm start).` : `\nThe instance is on the kit ${target}, but doctor found problems (above): fix them before starting it.`);
  return doctor ?? 1;
}

type Saved = Map<string, string | undefined>;

function savedFiles(directory: string, names: string[]): Saved {
  const saved: Saved = new Map();
  for (const name of names) {
    try {
      saved.set(name, readFileSync(path.join(directory, name), 'utf8'));
    } catch {
      saved.set(name, undefined);
    }
  }
  return saved;
}

/** Puts back package.json and the lock file, and installs what they say. */
async function restore(directory: string, saved: Saved, log: (line: string) => void): Promise<void> {
  for (const [name, content] of saved) if (content !== undefined) writeFileSync(path.join(directory, name), content);
  log('\n▸ npm install (putting the previous kit version back)');
  const install = await runNpm(['install'], directory);
  if (install.code !== 0) {
    throw new UserFacingError('Putting the previous kit version back failed: npm install exited with an error (above).', 'package.json and package-lock.json are restored: run `npm install` in the instance folder.', 'UPGRADE_FAILED');
  }
}
