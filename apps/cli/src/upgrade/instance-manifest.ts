import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { UserFacingError } from '@pilote/core';
import { findWorkspaceRoot } from '../create-module/find-workspace-root';

export interface InstanceManifest {
  directory: string;
  /** The kit packages the instance depends on, by dependency field. */
  kitPackages: { dependencies: string[]; devDependencies: string[] };
  /** `@pilote/*` dependencies that are not the kit's (a module made with create-module): left as they are. */
  otherPackages: string[];
  /** The version of the kit installed in the instance (its @pilote/cli). */
  installedVersion: string;
}

interface PackageManifest {
  version?: string;
  repository?: { url?: string } | string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

/**
 * The instance's package.json and which of its dependencies are the kit: the `@pilote/*` packages
 * published from the same repository as its @pilote/cli (a module made with `pilote create-module`
 * may share the scope, not the repository, and has its own versions). Refuses the kit's repository.
 */
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
  const manifest = readJson(file);
  if (!manifest.dependencies?.['@pilote/cli']) {
    throw new UserFacingError(`${file} does not depend on @pilote/cli: this folder is not an instance of the kit.`, 'Run `npx pilote upgrade` from the instance folder, or pass --instance <folder>.', 'UPGRADE_REFUSED');
  }
  const installed = (name: string) => {
    const at = path.join(directory, 'node_modules', name, 'package.json');
    return existsSync(at) ? readJson(at) : undefined;
  };
  const cli = installed('@pilote/cli');
  if (!cli?.version) {
    throw new UserFacingError(`The kit is not installed in ${directory} (no node_modules/@pilote/cli).`, 'Run `npm install` in the instance folder first, then `npx pilote upgrade`.', 'UPGRADE_REFUSED');
  }
  const kitRepository = repositoryUrl(cli);
  const isKit = (name: string) => name === '@pilote/cli' || (name.startsWith('@pilote/') && kitRepository !== undefined && repositoryUrl(installed(name)) === kitRepository);
  const scoped = (field?: Record<string, string>) => Object.keys(field ?? {}).filter((name) => name.startsWith('@pilote/')).sort();
  const all = [...scoped(manifest.dependencies), ...scoped(manifest.devDependencies)];
  return {
    directory,
    kitPackages: { dependencies: scoped(manifest.dependencies).filter(isKit), devDependencies: scoped(manifest.devDependencies).filter(isKit) },
    otherPackages: all.filter((name) => !isKit(name)),
    installedVersion: cli.version,
  };
}

function readJson(file: string): PackageManifest {
  return JSON.parse(readFileSync(file, 'utf8')) as PackageManifest;
}

function repositoryUrl(manifest: PackageManifest | undefined): string | undefined {
  const repository = manifest?.repository;
  return typeof repository === 'string' ? repository : repository?.url;
}
