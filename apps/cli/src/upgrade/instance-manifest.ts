import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { UserFacingError } from '@pilote/core';
import { findWorkspaceRoot } from '../create-module/find-workspace-root';

export interface InstanceManifest {
  directory: string;
  /** The kit packages the instance depends on (`@pilote/*`), by dependency field. */
  kitPackages: { dependencies: string[]; devDependencies: string[] };
  /** The version of the kit installed in the instance (its @pilote/cli), if installed. */
  installedVersion?: string;
}

/** The instance's package.json and what of the kit it installs; refuses the kit's own repository. */
export function readInstanceManifest(directory: string): InstanceManifest {
  const repository = findWorkspaceRoot(directory);
  if (repository) {
    throw new UserFacingError(
      `${directory} is inside the kit's repository (${repository}): its kit packages are the sources, not installed versions.`,
      'Upgrade the repository with `git pull && npm install`; `npx pilote upgrade` is for an instance made by `npx create-pilote-instance`.',
      'UPGRADE_REFUSED',
    );
  }
  const file = path.join(directory, 'package.json');
  if (!existsSync(file)) {
    throw new UserFacingError(`No package.json in ${directory}`, 'Run `npx pilote upgrade` from the instance folder (the one made by `npx create-pilote-instance`), or pass --instance <folder>.', 'UPGRADE_REFUSED');
  }
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
  const kit = (field?: Record<string, string>) => Object.keys(field ?? {}).filter((name) => name.startsWith('@pilote/')).sort();
  const kitPackages = { dependencies: kit(manifest.dependencies), devDependencies: kit(manifest.devDependencies) };
  if (!kitPackages.dependencies.includes('@pilote/cli')) {
    throw new UserFacingError(`${file} does not depend on @pilote/cli: this folder is not an instance of the kit.`, 'Run `npx pilote upgrade` from the instance folder, or pass --instance <folder>.', 'UPGRADE_REFUSED');
  }
  const installed = path.join(directory, 'node_modules', '@pilote', 'cli', 'package.json');
  const installedVersion = existsSync(installed) ? (JSON.parse(readFileSync(installed, 'utf8')) as { version: string }).version : undefined;
  return { directory, kitPackages, installedVersion };
}
