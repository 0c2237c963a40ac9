import type { KitContext } from '@pilote/core';
import { type CostBudgetStore, MemoryCostBudgetStore } from './cost-budget-store';
import { DatabaseCostBudgetStore } from './database-cost-budget-store';
import type { SecuritySettings } from './security-settings';

const stores = new WeakMap<KitContext, CostBudgetStore>();

/**
 * The one store of every limit and budget of a running kit. On PostgreSQL it is the database, so
 * that replicas share their counts; on the embedded database (one process) memory saves a write
 * per request. PILOTE_RATE_LIMIT_STORE chooses explicitly.
 */
export function limitStoreFor(context: KitContext, settings: Pick<SecuritySettings, 'limitStore'>): CostBudgetStore {
  let store = stores.get(context);
  if (!store) {
    const kind = settings.limitStore ?? (context.database.kind === 'pglite' ? 'memory' : 'database');
    store = kind === 'database' ? new DatabaseCostBudgetStore(context.dataSource) : new MemoryCostBudgetStore();
    stores.set(context, store);
  }
  return store;
}
