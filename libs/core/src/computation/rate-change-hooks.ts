import type { DataSource, EntityManager } from 'typeorm';

/** What a write changed: the policies whose rates or météo may differ now. */
export interface RatesChanged {
  policyIds: string[];
}

export type RatesChangedHook = (manager: EntityManager, change: RatesChanged) => Promise<void>;

// Per database (a process may hold several kits in tests): hooks never leak between them.
const hooks = new WeakMap<DataSource, Set<RatesChangedHook>>();

/**
 * Registers a hook run in the writing transaction after rates are refreshed or a météo is
 * published (e.g. to enqueue an alert evaluation: the job exists only if the write commits).
 * Returns the function that removes it.
 */
export function onRatesChanged(dataSource: DataSource, hook: RatesChangedHook): () => void {
  let set = hooks.get(dataSource);
  if (!set) hooks.set(dataSource, (set = new Set()));
  set.add(hook);
  return () => set.delete(hook);
}

/** Called by the writers (refreshAfterWrite, publishing a météo) inside their transaction. */
export async function ratesChanged(manager: EntityManager, change: RatesChanged): Promise<void> {
  if (change.policyIds.length === 0) return;
  for (const hook of hooks.get(manager.connection) ?? []) await hook(manager, change);
}
