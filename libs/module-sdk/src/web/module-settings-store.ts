import { useSyncExternalStore } from 'react';

/**
 * The public settings of each enabled module (`publicSettings` of its manifest, effective values:
 * instance file + administrator's overrides). The web host fills it from `instance.modules`
 * before activating the modules; the admin page refreshes it after a change.
 */
const settingsById = new Map<string, Record<string, unknown>>();
const listeners = new Set<() => void>();
const EMPTY: Record<string, unknown> = Object.freeze({}) as Record<string, unknown>;

export function setModuleSettings(moduleId: string, settings: Record<string, unknown> | null | undefined): void {
  settingsById.set(moduleId, Object.freeze({ ...(settings ?? {}) }));
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * A module's public settings, for its web components. Keys the module did not list in
 * `publicSettings` are never here; apply your defaults with `??`.
 */
export function useModuleSettings<T extends object = Record<string, unknown>>(moduleId: string): Partial<T> {
  const read = () => settingsById.get(moduleId) ?? EMPTY;
  return useSyncExternalStore(subscribe, read, read) as Partial<T>;
}
