import { type NewMeasure, writeMeasures } from '@pilote/core';
import type { DataSource, EntityManager } from 'typeorm';

export interface RatePair {
  annual: number | null;
  global: number | null;
}

export interface RateEffect {
  /** `indicator` or `policy`. */
  scope: 'indicator' | 'policy';
  id: string;
  name: string;
  territoryCode: string;
  territoryName: string;
  before: RatePair | null;
  after: RatePair;
  changed: boolean;
}

interface StateRow {
  id: string;
  name: string;
  territory_code: string;
  territory_name: string;
  annual_rate: number | null;
  global_rate: number | null;
}

/** Thrown to roll the preview's transaction back. */
class Rollback extends Error {}

const num = (value: number | null) => (value === null ? null : Number(value));

async function readStates(db: EntityManager, indicatorIds: string[], policyIds: string[], territories: string[]): Promise<Map<string, StateRow & { scope: RateEffect['scope'] }>> {
  const indicators = (await db.query(
    `SELECT s.indicator_id AS id, i.name, s.territory_code, t.name AS territory_name, s.annual_rate, s.global_rate
     FROM indicator_state s JOIN indicator i ON i.id = s.indicator_id JOIN territory t ON t.code = s.territory_code
     WHERE s.indicator_id = ANY($1::text[]) AND s.territory_code = ANY($2::text[])`,
    [indicatorIds, territories],
  )) as StateRow[];
  const policies = (await db.query(
    `SELECT s.policy_id AS id, p.name, s.territory_code, t.name AS territory_name, s.annual_rate, s.global_rate
     FROM policy_state s JOIN policy p ON p.id = s.policy_id JOIN territory t ON t.code = s.territory_code
     WHERE s.policy_id = ANY($1::text[]) AND s.territory_code = ANY($2::text[])`,
    [policyIds, territories],
  )) as StateRow[];
  const map = new Map<string, StateRow & { scope: RateEffect['scope'] }>();
  for (const row of indicators) map.set(`indicator|${row.id}|${row.territory_code}`, { ...row, scope: 'indicator' });
  for (const row of policies) map.set(`policy|${row.id}|${row.territory_code}`, { ...row, scope: 'policy' });
  return map;
}

/**
 * The effect of proposed values on the rates of their territories and every ancestor: the values
 * are written as published with `writeMeasures` (the real computation), the rates are read, and
 * the transaction is rolled back — nothing stays. The same trick as libs/import's dry run; its
 * helpers work on its staging table, so this is the small equivalent for a list of values.
 */
export async function previewEffect(
  dataSource: DataSource,
  measures: readonly NewMeasure[],
  options: { levelOrder: string[]; asOf: string },
): Promise<RateEffect[]> {
  if (measures.length === 0) return [];
  let effects: RateEffect[] = [];
  try {
    await dataSource.transaction(async (manager) => {
      const indicatorIds = [...new Set(measures.map((m) => m.indicatorId))];
      const policyRows = (await manager.query(`SELECT DISTINCT policy_id FROM indicator WHERE id = ANY($1::text[])`, [indicatorIds])) as { policy_id: string }[];
      const policyIds = policyRows.map((row) => row.policy_id);
      const ancestorRows = (await manager.query(`SELECT DISTINCT ancestor_code FROM territory_ancestor WHERE territory_code = ANY($1::text[])`, [
        [...new Set(measures.map((m) => m.territoryCode))],
      ])) as { ancestor_code: string }[];
      const territories = ancestorRows.map((row) => row.ancestor_code);
      const before = await readStates(manager, indicatorIds, policyIds, territories);
      await writeMeasures(manager, measures, { provenance: 'user', state: 'published', levelOrder: options.levelOrder, asOf: options.asOf });
      const after = await readStates(manager, indicatorIds, policyIds, territories);
      effects = [...after].map(([key, row]) => {
        const old = before.get(key);
        const pair = { annual: num(row.annual_rate), global: num(row.global_rate) };
        const previous = old ? { annual: num(old.annual_rate), global: num(old.global_rate) } : null;
        return {
          scope: row.scope,
          id: row.id,
          name: row.name,
          territoryCode: row.territory_code,
          territoryName: row.territory_name,
          before: previous,
          after: pair,
          changed: !previous || previous.annual !== pair.annual || previous.global !== pair.global,
        };
      });
      throw new Rollback();
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  // Policies first, then by territory depth (the proposal's own territory last is less useful).
  return effects.sort((a, b) => (a.scope === b.scope ? a.territoryCode.localeCompare(b.territoryCode) || a.id.localeCompare(b.id) : a.scope === 'policy' ? -1 : 1));
}
