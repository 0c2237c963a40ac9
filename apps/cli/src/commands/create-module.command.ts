import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readKitVersion, UserFacingError } from '@pilote/core';
import { isValidModuleId, MODULE_ID_MAX_LENGTH } from '@pilote/module-sdk';
import { findWorkspaceRoot } from '../create-module/find-workspace-root';
import { moduleTemplates } from '../create-module/module-templates';
import type { Command } from './command';

/** `pilote create-module <name>`: a module package under modules/<name> with its manifest, a widget, a passing test and a README. */
export const createModuleCommand: Command = {
  name: 'create-module',
  summary: 'Create a module package under modules/<name> (manifest, server/web/common entries, test, README)',
  usage: 'create-module <name> [--dir <modules folder>]',
  async run(args) {
    const name = args.find((arg) => !arg.startsWith('--') && args[args.indexOf(arg) - 1] !== '--dir');
    if (!name) throw new UserFacingError('Missing module name', 'Usage: npx pilote create-module <name>, e.g. npx pilote create-module budget-chart', 'USAGE');
    if (!isValidModuleId(name)) {
      throw new UserFacingError(
        `"${name}" is not a valid module name`,
        `Use lower-case letters, digits and single dashes, starting with a letter, at most ${MODULE_ID_MAX_LENGTH} characters (e.g. "budget-chart"): it becomes the module's stable id and its package @pilote/module-<name>.`,
        'USAGE',
      );
    }
    const dirFlag = args.indexOf('--dir');
    const root = findWorkspaceRoot(process.cwd());
    const modulesDir = dirFlag >= 0 ? path.resolve(args[dirFlag + 1] ?? '') : root ? path.join(root, 'modules') : undefined;
    if (!modulesDir) throw new UserFacingError('Not inside the kit repository', 'Run it from the repository (its package.json lists the modules/* workspace), or pass --dir <modules folder>.', 'USAGE');
    const target = path.join(modulesDir, name);
    if (existsSync(target)) throw new UserFacingError(`${path.relative(process.cwd(), target) || target} already exists`, 'Choose another name, or delete that folder first.', 'ALREADY_EXISTS');
    const files = moduleTemplates(name, readKitVersion());
    for (const [file, content] of Object.entries(files)) {
      const destination = path.join(target, file);
      mkdirSync(path.dirname(destination), { recursive: true });
      writeFileSync(destination, content);
    }
    const shown = path.relative(process.cwd(), target) || target;
    console.log(`Created ${shown} (${Object.keys(files).length} files).`);
    console.log(`Next: npm install (links @pilote/module-${name}), npx jest ${shown}, then add { id: '${name}' } to the modules of pilote.config.ts.`);
    return 0;
  },
};
