import { computeGapToMedian, computeMean, computeTrend, explainPeerStats, type Explanation, type LabelledValue } from '@pilote/engine';
import type { EntityManager } from 'typeorm';
import { explanationIds, type ParsedExplanationId } from '../computation/explanation-ids';
import { type ReadScope, scopeSqlForPolicy } from '../access/request-scope';
import { selectTerritoryMeans } from './dashboard-sql';
import { comparisonLevel } from './comparison-level';
import { selectHomeTerritory } from './home-sql';
import { buildPolicyRows } from './home.service';

/** An explanation computed when asked (not stored): the numbers a page derives from stored rates. */
export interface DerivedExplanation { explanation: Explanation; title: string }

type PolicyFigureId = Extract<ParsedExplanationId, { subject: 'policy-figure' }>;
type HomeGaugeId = Extract<ParsedExplanationId, { subject: 'home' }>;

interface PolicyAt { name: string; territory: string; level: string; global_rate: number | null; previous_global_rate: number | null }

/**
 * Peers' min/median/max, trend and gap to the median of one policy row, by the rules and over the
 * rows the page used (peers: the same-level territories in the reader's scope with a global rate).
 */
export async function explainPolicyFigure(db: EntityManager, id: PolicyFigureId, scope?: ReadScope): Promise<DerivedExplanation | null> {
  const rows = (await db.query(
    `SELECT p.name, t.name AS territory, t.level, ps.global_rate, ps.previous_global_rate
     FROM policy p CROSS JOIN territory t LEFT JOIN policy_state ps ON ps.policy_id = p.id AND ps.territory_code = t.code
     WHERE p.id = $1 AND t.code = $2`,
    [id.id, id.territoryCode],
  )) as PolicyAt[];
  const at = rows[0];
  if (!at) return null;
  const title = `${at.name} — ${at.territory}`;
  const rateRef = explanationIds.policyRate(id.id, id.territoryCode, 'global');
  if (id.figure === 'trend') {
    const trend = computeTrend(at.global_rate, at.previous_global_rate);
    // The engine's inputs say "current/previous value": here both are the policy's global rates.
    const inputs = [
      { role: 'rate', label: 'global rate', value: at.global_rate, ref: rateRef },
      { role: 'previousRate', label: 'previous global rate', value: at.previous_global_rate },
    ];
    return { title, explanation: { ...trend.explanation, inputs } };
  }
  const inScope = scopeSqlForPolicy(scope, 'ps.territory_code', 'ps.policy_id', 3); // the peers the row counted
  const peers = (await db.query(
    `SELECT t.code, t.name, ps.global_rate FROM policy_state ps JOIN territory t ON t.code = ps.territory_code
     WHERE t.level = $1 AND ps.policy_id = $2 AND ps.global_rate IS NOT NULL${inScope.sql} ORDER BY t.code`,
    [await comparisonLevel(db, { code: id.territoryCode, level: at.level }), id.id, ...inScope.params],
  )) as { code: string; name: string; global_rate: number }[];
  const items: LabelledValue[] = peers.map((p) => ({ label: p.name, value: p.global_rate, territoryCode: p.code, ref: explanationIds.policyRate(id.id, p.code, 'global') }));
  const stats = explainPeerStats(items, 'territories');
  if (id.figure === 'gap') {
    const gap = computeGapToMedian(at.global_rate, peers.map((p) => p.global_rate)).explanation;
    const medianRef = explanationIds.policyFigure(id.id, id.territoryCode, 'peers-median');
    const inputs = gap.inputs.map((input) => (input.role === 'rate' ? { ...input, ref: rateRef } : input.role === 'median' ? { ...input, ref: medianRef } : input));
    return { title, explanation: { ...gap, inputs, steps: [stats.median.explanation] } };
  }
  const stat = id.figure === 'peers-min' ? stats.min : id.figure === 'peers-max' ? stats.max : stats.median;
  return { title, explanation: stat.explanation };
}

/**
 * A home gauge: the territory's mean of the policies' rates (the policies the filter kept, those
 * with an alert there for "alerts only"), or its min/median/max over the same-level territories
 * in the reader's scope — the same rows buildHome reads. A gauge mixes every policy: the guard
 * opens it only inside the full roots (its id names no policy), never to a right limited to policies.
 */
export async function explainHomeGauge(db: EntityManager, id: HomeGaugeId, asOf: string, scope?: ReadScope): Promise<DerivedExplanation | null> {
  const { territory, policyIds } = await selectHomeTerritory(db, id.territoryCode, id.filter);
  if (!territory) return null;
  const ids = id.filter.alertsOnly ? (await buildPolicyRows(db, territory, id.filter, asOf, scope)).map((row) => row.policy.id) : policyIds;
  const column = id.kind === 'global' ? 'global_rate' : 'annual_rate';
  if (id.stat === 'mean') {
    const rates = (await db.query(
      `SELECT p.id, p.name, ps.${column} AS rate FROM policy p LEFT JOIN policy_state ps ON ps.policy_id = p.id AND ps.territory_code = $1
       WHERE p.id = ANY($2::text[]) ORDER BY p.position, p.id`,
      [territory.code, ids],
    )) as { id: string; name: string; rate: number | null }[];
    const items = rates.map((r) => ({ label: r.name, value: r.rate, ref: explanationIds.policyRate(r.id, territory.code, id.kind) }));
    return { title: territory.name, explanation: computeMean(items, `${id.kind} policy rates`).explanation };
  }
  const level = await comparisonLevel(db, territory);
  // A national territory is compared with its own territories (comparison-level.ts), as buildHome does.
  const means = await selectTerritoryMeans(db, level, ids, level === territory.level ? null : territory.code, scope);
  const key = id.kind === 'global' ? 'global_mean' : 'annual_mean';
  // With "alerts only" the policies are those with an alert HERE: a peer's own home would pick others, so no link.
  const items: LabelledValue[] = means.map((m) => ({
    label: m.name,
    value: m[key],
    territoryCode: m.code,
    ref: id.filter.alertsOnly ? undefined : explanationIds.homeGauge(m.code, id.kind, 'mean', id.filter),
  }));
  const stats = explainPeerStats(items, 'territories');
  return { title: territory.name, explanation: stats[id.stat].explanation };
}
