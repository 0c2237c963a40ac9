import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readKitVersion, UserFacingError } from '@pilote/core';
import { isValidModuleId, MODULE_ID_MAX_LENGTH, PACKAGE_NAME_PATTERN } from '@pilote/module-sdk';
import { findWorkspaceRoot } from '../create-module/find-workspace-root';
import { moduleTemplates } from '../create-module/module-templates';
import { standaloneModuleTemplates } from '../create-module/standalone-module-templates';
import type { Command } from './command';

/**
 * `pilote create-module <name>`: a module package with its manifest, a widget, a passing test and a
 * README. Outside the kit's repository (the usual case): a standalone package in ./<name> depending
 * on the published SDK only (ADR 026); inside it: a workspace package under modules/<name>.
 */
export const createModuleCommand: Command = {
  name: 'create-module',
  summary: 'Create a module package in ./<name> (or modules/<name> inside the kit repository): manifest, server and web parts, test, README',
  usage: 'create-module <name> [--dir <modules folder>] [--package <npm name, e.g. @my-org/pilote-module-name>]',
  async run(args) {
    const name = args.find((arg) => !arg.startsWith('--') && !['--dir', '--package'].includes(args[args.indexOf(arg) - 1]));
    if (!name) throw new UserFacingError('Missing module name', 'Usage: npx pilote create-module <name>, e.g. npx pilote create-module budget-chart', 'USAGE');
    if (!isValidModuleId(name)) {
      throw new UserFacingError(
        `"${name}" is not a valid module name`,
        `Use lower-case letters, digits and single dashes, starting with a letter, at most ${MODULE_ID_MAX_LENGTH} characters (e.g. "budget-chart"): it becomes the module's stable id and its package @pilote/module-<name>.`,
        'USAGE',
      );
    }
    const packageFlag = args.indexOf('--package');
    const ownPackageName = packageFlag >= 0 ? args[packageFlag + 1] ?? '' : undefined;
    if (ownPackageName !== undefined && !PACKAGE_NAME_PATTERN.test(ownPackageName)) {
      throw new UserFacingError(`"${ownPackageName}" is not an npm package name`, 'Use lower case, with your own scope if you have one, e.g. --package @my-org/pilote-module-budget-chart.', 'USAGE');
    }
    const dirFlag = args.indexOf('--dir');
    const root = findWorkspaceRoot(process.cwd());
    const modulesDir = dirFlag >= 0 ? path.resolve(args[dirFlag + 1] ?? '') : root ? path.join(root, 'modules') : process.cwd();
    const target = path.join(modulesDir, name);
    if (existsSync(target)) throw new UserFacingError(`${path.relative(process.cwd(), target) || target} already exists`, 'Choose another name, or delete that folder first.', 'ALREADY_EXISTS');
    const inWorkspace = Boolean(root) && dirFlag < 0;
    if (inWorkspace && ownPackageName) throw new UserFacingError('--package is for a module made outside the kit\'s repository', `Inside it a module is @pilote/module-${name}; run the command elsewhere, or with --dir <folder>.`, 'USAGE');
    const files = inWorkspace ? moduleTemplates(name, readKitVersion()) : standaloneModuleTemplates(name, readKitVersion(), ownPackageName);
    for (const [file, content] of Object.entries(files)) {
      const destination = path.join(target, file);
      mkdirSync(path.dirname(destination), { recursive: true });
      writeFileSync(destination, content);
    }
    const shown = path.relative(process.cwd(), target) || target;
    console.log(`Created ${shown} (${Object.keys(files).length} files).`);
    if (inWorkspace) console.log(`Next: npm install (links @pilote/module-${name}), npx jest ${shown}, then add { id: '${name}' } to the modules of pilote.config.ts.`);
    else console.log(`Next: cd ${shown} && npm install && npm test; publish it (npm publish), install it in the instance and add { id: '${name}'${ownPackageName ? `, package: '${ownPackageName}'` : ''} } to the modules of its pilote.config.ts (see its README).`);
    return 0;
  },
};
