import type { EntityManager } from 'typeorm';
import { DatabaseComputationStore } from './database-computation-store';
import { readIndicatorMeta } from './indicator-meta-reader';
import { refreshIndicator } from './refresh-indicator';
import { refreshPolicies } from './refresh-policies';
import { refreshPeerStats } from './refresh-peer-stats';
import { readAffectedTerritories } from './territory-graph';
import { lockPolicyRates } from './rate-locks';
import { ratesChanged } from './rate-change-hooks';

export interface WrittenValue {
  indicatorId: string;
  territoryCode: string;
}

export interface RefreshOptions {
  /** Level ids from the broadest to the finest (the instance's territoryLevels order). */
  levelOrder: string[];
  /** The date rates are computed for (annual target year, latest value on or before it). */
  asOf: string;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Brings every rate that depends on the written values up to date, inside the caller's
 * transaction: when the write commits, the dashboard reads fresh numbers (no batch).
 */
export async function refreshAfterWrite(manager: EntityManager, written: WrittenValue[], options: RefreshOptions): Promise<{ indicators: number; territories: number }> {
  const byIndicator = new Map<string, Set<string>>();
  for (const value of written) {
    let set = byIndicator.get(value.indicatorId);
    if (!set) byIndicator.set(value.indicatorId, (set = new Set()));
    set.add(value.territoryCode);
  }
  const indicators = await readIndicatorMeta(manager, { indicatorIds: [...byIndicator.keys()] });
  // Before reading any series or state: a concurrent writer of these policies finishes first.
  await lockPolicyRates(manager, indicators.map((indicator) => indicator.policyId));
  const touchedPolicies = new Map<string, Set<string>>();
  const store = new DatabaseComputationStore(manager);
  let index = 0;
  let territoryCount = 0;
  for (const indicator of indicators) {
    const territories = await readAffectedTerritories(manager, [...(byIndicator.get(indicator.id) ?? [])]);
    const result = await refreshIndicator(store, indicator, territories, options.levelOrder, options.asOf);
    territoryCount += result.territories.length;
    let set = touchedPolicies.get(indicator.policyId);
    if (!set) touchedPolicies.set(indicator.policyId, (set = new Set()));
    for (const code of result.territories) set.add(code);
    index += 1;
    options.onProgress?.(index, indicators.length);
  }
  for (const [policyId, codes] of touchedPolicies) {
    const policyIndicators = await readIndicatorMeta(manager, { policyIds: [policyId] });
    const territories = await readAffectedTerritories(manager, [...codes]);
    await refreshPolicies(manager, [policyId], policyIndicators, territories.filter((t) => codes.has(t.code)));
  }
  // Peers' min/median/max at the levels whose policy states just changed, in this transaction.
  await refreshPeerStats(manager, [...touchedPolicies.keys()], [...new Set([...touchedPolicies.values()].flatMap((codes) => [...codes]))]);
  // Listeners (alert subscriptions) queue their work in this transaction, never do it here.
  await ratesChanged(manager, { policyIds: [...touchedPolicies.keys()] });
  return { indicators: indicators.length, territories: territoryCount };
}
