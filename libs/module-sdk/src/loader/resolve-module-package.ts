import { modulePackageName } from '../common/module-id';

export type ResolvedModule = { found: true; manifest: unknown } | { found: false; reason: string };

/** Finds a module by id: a manifest given by the caller (tests), else the package `@pilote/module-<id>`. */
export type ModuleResolver = (id: string) => ResolvedModule;

/** Loads the `./server` entry of `@pilote/module-<id>` (a workspace package under modules/, or an installed one). */
export function resolveModulePackage(id: string): ResolvedModule {
  const name = `${modulePackageName(id)}/server`;
  let file: string;
  try {
    file = require.resolve(name);
  } catch {
    return {
      found: false,
      reason: `no package ${modulePackageName(id)} with a "./server" entry is installed (a module of this repository lives in modules/${id}/; run npm install after adding it)`,
    };
  }
  try {
    const exported = require(file) as { default?: unknown };
    return { found: true, manifest: exported.default ?? exported };
  } catch (error) {
    return { found: false, reason: `${name} failed to load: ${(error as Error).message.split('\n')[0]}` };
  }
}

/** Manifests given directly win over packages (startTestKit, fixture modules). */
export function resolverWith(given: readonly { id: string }[], fallback: ModuleResolver = resolveModulePackage): ModuleResolver {
  const byId = new Map(given.map((manifest) => [manifest.id, manifest]));
  return (id) => (byId.has(id) ? { found: true, manifest: byId.get(id) } : fallback(id));
}
