import { existsSync, readFileSync } from 'node:fs';
import Module from 'node:module';
import path from 'node:path';
import { transformSync } from '@swc/core';
import { UserFacingError } from '../errors/user-facing-error';
import { formatZodIssues } from './format-zod-issues';
import { type InstanceConfig, instanceConfigSchema } from './instance-config.schema';
import { applyEnvironmentOverrides } from './environment-overrides';
import { applyRenamedKeys } from './apply-renamed-keys';

export const CONFIG_FILE_NAMES = ['pilote.config.ts', 'pilote.config.js', 'pilote.config.json'];

export interface LoadedInstanceConfig {
  config: InstanceConfig;
  /** Absolute path of the instance folder. */
  directory: string;
  file: string;
  /** Former keys still read (renamed-keys.ts), each with what to do: `pilote doctor` and start print them. */
  warnings?: string[];
}

/** Finds, compiles, validates the instance configuration; every problem is reported at once. */
export function loadInstanceConfig(instanceDirectory: string, env: NodeJS.ProcessEnv = process.env): LoadedInstanceConfig {
  const directory = path.resolve(instanceDirectory);
  if (!existsSync(directory)) {
    throw new UserFacingError(
      `Instance folder not found: ${directory}`,
      'Set PILOTE_INSTANCE (or --instance) to a folder holding a pilote.config.ts, e.g. examples/demo.',
      'CONFIG_MISSING',
    );
  }
  const file = CONFIG_FILE_NAMES.map((name) => path.join(directory, name)).find((candidate) => existsSync(candidate));
  if (!file) {
    throw new UserFacingError(
      `No pilote.config.ts in ${directory}`,
      'Create one (npx create-pilote-instance <dir> writes a starter) or point PILOTE_INSTANCE to an instance folder.',
      'CONFIG_MISSING',
    );
  }
  const raw = readRawConfig(file);
  const withEnv = applyEnvironmentOverrides(raw, env);
  const renamed = applyRenamedKeys(raw, withEnv, path.basename(file));
  const parsed = instanceConfigSchema.safeParse(renamed.config);
  const refused = renamed.findings.filter((finding) => finding.severity === 'error').map((finding) => `  - ${finding.message}`);
  if (!parsed.success || refused.length > 0) {
    const lines = [...refused, ...(parsed.success ? [] : formatZodIssues(parsed.error.issues, '  - '))];
    throw new UserFacingError(
      `Invalid configuration in ${path.relative(process.cwd(), file) || file}:\n${lines.join('\n')}`,
      'Fix the keys listed above (see docs/operating/configuration.md for every key and its expected value).',
      'CONFIG_INVALID',
    );
  }
  const warnings = renamed.findings.filter((finding) => finding.severity === 'warning').map((finding) => finding.message);
  return { config: parsed.data, directory, file, warnings };
}

function readRawConfig(file: string): unknown {
  const source = readFileSync(file, 'utf8');
  if (file.endsWith('.json')) {
    try {
      return JSON.parse(source) as unknown;
    } catch (error) {
      throw new UserFacingError(`${file} is not valid JSON: ${(error as Error).message}`, 'Fix the JSON syntax.', 'CONFIG_INVALID');
    }
  }
  let code = source;
  if (file.endsWith('.ts')) {
    try {
      code = transformSync(source, {
        filename: file,
        jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
        module: { type: 'commonjs' },
      }).code;
    } catch (error) {
      const firstLine = String((error as Error).message).split('\n').slice(0, 6).join('\n');
      throw new UserFacingError(`${file} does not compile:\n${firstLine}`, 'Fix the TypeScript syntax of the configuration file.', 'CONFIG_INVALID');
    }
  }
  const mod = new Module(file) as Module & { _compile(code: string, filename: string): void; paths: string[] };
  mod.filename = file;
  mod.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(path.dirname(file));
  try {
    mod._compile(code, file);
  } catch (error) {
    throw new UserFacingError(`${file} failed to load: ${(error as Error).message}`, 'Check the imports and values of the configuration file.', 'CONFIG_INVALID');
  }
  const exported = mod.exports as { default?: unknown };
  return exported.default ?? exported;
}
