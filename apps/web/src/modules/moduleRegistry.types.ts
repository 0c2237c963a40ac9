import type { WebModuleManifest } from '@pilote/module-sdk/web';

/** Loads a module's `./web` entry (its own chunk: modules the instance does not enable are never downloaded). */
export type WebModuleLoader = () => Promise<{ default: WebModuleManifest }>;
