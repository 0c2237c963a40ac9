import { setModuleSettings, type WebModuleManifest } from '@pilote/module-sdk/web';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EnabledModulesDocument } from '../api/generated/graphql';
import { fetchGraphQL } from '../api/graphql';
import { isJsonObject } from '../api/types';
import { activateWebModule } from './activateWebModule';
import { loadPrebuiltModule } from './loadPrebuiltModule';
import { setModuleRoutes } from './moduleRoutesStore';
import type { WebModuleLoader } from './moduleRegistry.types';
import { moduleRegistry } from './registry.generated';

export interface EnabledModule {
  id: string;
  webEntry?: string | null;
  webPackage?: string | null;
}

/**
 * Loads the web part of each module the instance enables: built into this web app (the kit's own
 * modules), else pre-built in its installed package. One that fails is left out with a message
 * naming it; the others load (never a blank page).
 */
export async function loadEnabledModules(enabled: (string | EnabledModule)[], registry: Record<string, WebModuleLoader> = moduleRegistry): Promise<WebModuleManifest[]> {
  const loaded: WebModuleManifest[] = [];
  for (const module of enabled) {
    const { id, webEntry, webPackage } = typeof module === 'string' ? { id: module, webEntry: undefined, webPackage: undefined } : module;
    const load = registry[id] ?? (webEntry ? () => loadPrebuiltModule({ id, url: webEntry, packageName: webPackage ?? undefined }) : undefined);
    if (!load) continue; // a module without a web part (server only)
    try {
      loaded.push((await load()).default);
    } catch (error) {
      console.error(error instanceof Error && error.message.includes(`"${id}"`) ? error.message : `Module "${id}" failed to load its web part`, error);
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
    fetchGraphQL(EnabledModulesDocument)
      .then((data) => {
        for (const module of data.instance.modules) setModuleSettings(module.id, isJsonObject(module.publicSettings) ? module.publicSettings : null);
        return loadEnabledModules(data.instance.modules, registry);
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
