import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { instanceTemplates } from './instance-templates';

export class ScaffoldError extends Error {}

/** Writes a new instance folder; refuses a non-empty folder and a bad id. Returns the files written. */
export function scaffoldInstance(directory: string, options: { id?: string; name?: string } = {}): string[] {
  const target = path.resolve(directory);
  if (existsSync(target) && readdirSync(target).length > 0) throw new ScaffoldError(`${directory} already exists and is not empty: choose a new folder.`);
  const id = options.id ?? path.basename(target).toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').replace(/^(\d)/, 'i-$1');
  if (!/^[a-z][a-z0-9-]*$/.test(id)) throw new ScaffoldError(`"${id}" cannot be an instance id: use lower-case letters, digits and dashes (--id my-instance).`);
  const name = options.name ?? id;
  const files = instanceTemplates(id, name.replace(/'/g, '’'));
  for (const [file, content] of Object.entries(files)) {
    const destination = path.join(target, file);
    mkdirSync(path.dirname(destination), { recursive: true });
    writeFileSync(destination, content);
  }
  return Object.keys(files);
}
