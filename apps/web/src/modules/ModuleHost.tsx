import { setModuleSettings, type WebModuleManifest } from '@pilote/module-sdk/web';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchGraphQL } from '../api/graphql';
import { activateWebModule } from './activateWebModule';
import { setModuleRoutes } from './moduleRoutesStore';
import type { WebModuleLoader } from './moduleRegistry.types';
import { moduleRegistry } from './registry.generated';

// publicSettings: what web parts read with useModuleSettings (instance file + admin overrides).
const ENABLED_MODULES_QUERY = `query EnabledModules { instance { modules { id publicSettings } } }`;

/** Loads the web part of each module the instance enables, among those this build knows. */
export async function loadEnabledModules(enabled: string[], registry: Record<string, WebModuleLoader> = moduleRegistry): Promise<WebModuleManifest[]> {
  const loaded: WebModuleManifest[] = [];
  for (const id of enabled) {
    const load = registry[id];
    if (!load) {
      console.warn(`Module "${id}" is enabled by the instance but has no web part in this build.`);
      continue;
    }
    try {
      loaded.push((await load()).default);
    } catch (error) {
      console.error(`Module "${id}" failed to load its web part`, error);
    }
  }
  return loaded;
}

/** Mounts the enabled modules (widgets, nav items, routes, translations) around the app's routes. */
export function ModuleHost({ children, registry = moduleRegistry }: { children: ReactNode; registry?: Record<string, WebModuleLoader> }) {
  const { i18n } = useTranslation();
  useEffect(() => {
    let cancelled = false;
    let undo: (() => void)[] = [];
    fetchGraphQL<{ instance: { modules: { id: string; publicSettings: Record<string, unknown> | null }[] } }>(ENABLED_MODULES_QUERY)
      .then((data) => {
        for (const module of data.instance.modules) setModuleSettings(module.id, module.publicSettings);
        return loadEnabledModules(data.instance.modules.map((module) => module.id), registry);
      })
      .then((modules) => {
        if (cancelled) return;
        undo = modules.map((module) => activateWebModule(module, i18n));
        setModuleRoutes({ routes: modules.flatMap((module) => module.web?.routes ?? []), ready: true });
      })
      .catch((error: unknown) => {
        console.error('Modules could not be loaded', error);
        if (!cancelled) setModuleRoutes({ routes: [], ready: true });
      });
    return () => {
      cancelled = true;
      undo.forEach((fn) => fn());
    };
  }, [i18n, registry]);
  return <>{children}</>;
}
