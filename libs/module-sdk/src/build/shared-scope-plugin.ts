import { SHARED_SCOPE_GLOBAL, sharedPackageOf } from '../common/shared-scope';

const PREFIX = '\0pilote-shared:';

/**
 * Rolldown plugin: an import of a shared package (react, @mui/material, @pilote/module-sdk/web…)
 * becomes a CommonJS module reading the kit's copy from `globalThis.__PILOTE_SHARED__`, so named
 * imports keep working and the module's bundle carries none of them.
 */
export function sharedScopePlugin() {
  return {
    name: 'pilote-shared-scope',
    resolveId(source: string) {
      return sharedPackageOf(source) ? { id: `${PREFIX}${source}` } : null;
    },
    load(id: string) {
      if (!id.startsWith(PREFIX)) return null;
      const shared = sharedPackageOf(id.slice(PREFIX.length));
      if (!shared) return null;
      const scope = `globalThis[${JSON.stringify(SHARED_SCOPE_GLOBAL)}]`;
      const read = `var scope = ${scope};
if (!scope || !scope[${JSON.stringify(shared.name)}]) throw new Error(${JSON.stringify(`${shared.name} is not shared by the page: this web part must be loaded by the kit's web app`)});
var shared = scope[${JSON.stringify(shared.name)}];`;
      const exported = shared.subpath ? `Object.assign({}, shared, { __esModule: true, default: shared[${JSON.stringify(shared.subpath)}] })` : 'shared';
      return { code: `${read}\nmodule.exports = ${exported};\n`, moduleType: 'js' as const };
    },
  };
}
