import type { ModuleManifest } from './manifest.types';

/**
 * Declares a module manifest. An identity function: it gives the object its type, and the kit
 * validates every manifest at boot (so that all problems are reported at once, with their path).
 */
export function defineModule<M extends ModuleManifest>(manifest: M): M {
  return manifest;
}
