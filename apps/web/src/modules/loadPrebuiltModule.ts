import { SHARED_SCOPE_GLOBAL, type WebModuleManifest } from '@pilote/module-sdk/web';

let sharing: Promise<void> | undefined;

/** Puts the kit's React, MUI, i18next… where pre-built web parts read them, once. */
function shareKitPackages(): Promise<void> {
  sharing ??= import('./sharedScope').then(({ sharedScope }) => {
    (globalThis as Record<string, unknown>)[SHARED_SCOPE_GLOBAL] = sharedScope;
  });
  return sharing;
}

/**
 * Imports the pre-built web part of an installed module package (`instance.modules.webEntry`,
 * ADR 029). Throws an error naming the package and what to do when it cannot be fetched, throws
 * while loading, or is not the module's manifest.
 */
export async function loadPrebuiltModule(
  { id, url, packageName = `@pilote/module-${id}` }: { id: string; url: string; packageName?: string },
  importer: (url: string) => Promise<unknown> = (href) => import(/* @vite-ignore */ href),
): Promise<{ default: WebModuleManifest }> {
  await shareKitPackages();
  let loaded: { default?: Partial<WebModuleManifest> };
  try {
    loaded = (await importer(url)) as typeof loaded;
  } catch (error) {
    throw new Error(
      `The web part of module "${id}" (package ${packageName}) failed to load from ${url}: ${(error as Error).message}. ` +
        'Rebuild it (npm run build in the module), publish and reinstall it, or remove it from pilote.config.ts; the rest of the page works without it.',
    );
  }
  if (loaded.default?.id !== id) {
    throw new Error(`The web part served for module "${id}" (package ${packageName}) does not export its manifest as default (found id "${loaded.default?.id}"): rebuild it with npm run build.`);
  }
  return loaded as { default: WebModuleManifest };
}
