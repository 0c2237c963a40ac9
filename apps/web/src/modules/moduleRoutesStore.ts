import type { ModuleRoute } from '@pilote/module-sdk/web';

/** Routes of the enabled modules, and whether the module host has finished loading them. */
interface State {
  routes: ModuleRoute[];
  ready: boolean;
}

let state: State = { routes: [], ready: false };
const listeners = new Set<() => void>();

export function setModuleRoutes(next: State): void {
  state = next;
  for (const listener of listeners) listener();
}

export function getModuleRoutes(): State {
  return state;
}

export function subscribeModuleRoutes(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
