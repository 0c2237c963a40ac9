import type { LoadedModules } from '../../loader/loaded-modules';
import type { SourceConnector } from './source-connector.types';

export interface OfferedSource {
  /** `<module id>/<source id>`: what a binding names. */
  ref: string;
  moduleId: string;
  source: SourceConnector;
}

/** Every source connector the instance's enabled modules offer, built with their current settings. */
export function listSources(modules: Pick<LoadedModules, 'modules'>): OfferedSource[] {
  return modules.modules.flatMap((module) => {
    const declared = module.manifest.server?.sources ?? [];
    const list = typeof declared === 'function' ? declared(module.settings) : declared;
    return list.map((source) => ({ ref: `${module.id}/${source.id}`, moduleId: module.id, source }));
  });
}

/** A source connector by `<module id>/<source id>`. */
export function findSource(modules: Pick<LoadedModules, 'modules'>, ref: string): OfferedSource | undefined {
  return listSources(modules).find((offered) => offered.ref === ref);
}
