import { modulePackageName } from '../common/module-id';

/** `given`: a manifest the caller passed (tests), whose problems stop the start; a package's only skip it. */
export type ResolvedModule = { found: true; manifest: unknown; given?: boolean; packageName?: string } | { found: false; reason: string };

/** Finds a module by id: a manifest given by the caller (tests), else its package (`packageName`, or `@pilote/module-<id>`). */
export type ModuleResolver = (id: string, packageName?: string) => ResolvedModule;

/** Loads the `./server` entry of a module's package (a workspace package under modules/, or an installed one). */
export function resolveModulePackage(id: string, packageName?: string): ResolvedModule {
  return moduleResolverFrom()(id, packageName);
}

/**
 * A resolver looking for `<package>/server` from `paths` (an instance folder: its
 * node_modules), else from the kit's own location. The reasons say what to run.
 */
export function moduleResolverFrom(paths?: string[]): ModuleResolver {
  return (id, given) => {
    const packageName = modulePackageName(id, given);
    const name = `${packageName}/server`;
    let file: string;
    try {
      file = require.resolve(name, paths ? { paths } : undefined);
    } catch {
      return {
        found: false,
        reason: `package ${packageName} is not installed (or has no "./server" entry): run npm install ${packageName} in the instance folder, or remove { id: '${id}' } from modules (a module of the kit's repository lives in modules/${id}/)`,
      };
    }
    try {
      const exported = require(file) as { default?: unknown };
      return { found: true, manifest: exported.default ?? exported, packageName };
    } catch (error) {
      return { found: false, reason: `package ${packageName} failed to load (${(error as Error).message.split('\n')[0]}): reinstall it (npm install ${packageName}) or ask its authors for a fixed version` };
    }
  };
}

/** Manifests given directly win over packages (startTestKit, fixture modules). */
export function resolverWith(given: readonly { id: string }[], fallback: ModuleResolver = resolveModulePackage): ModuleResolver {
  const byId = new Map(given.map((manifest) => [manifest.id, manifest]));
  return (id, packageName) => (byId.has(id) ? { found: true, manifest: byId.get(id), given: true } : fallback(id, packageName));
}
