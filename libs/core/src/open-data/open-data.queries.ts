import type { EntityManager } from 'typeorm';
import { type ReadScope, scopeSqlForPolicy } from '../access/request-scope';

// Every row here carries a policy: a right limited to policies (ADR 037) lists its cells' rows.

export interface RateQuery { indicatorId?: string; policyId?: string; territory?: string; level?: string; limit: number; after?: string }

/** Indicator rates per territory, keyset-paginated on the territory code. */
export async function selectIndicatorRates(db: EntityManager, q: RateQuery, scope: ReadScope): Promise<Record<string, unknown>[]> {
  const inScope = scopeSqlForPolicy(scope, 's.territory_code', 'i.policy_id', 6);
  return (await db.query(
    `SELECT s.indicator_id, s.territory_code, t.level, t.name AS territory_name,
            s.initial_value, to_char(s.initial_date, 'YYYY-MM-DD') AS initial_date,
            s.current_value, to_char(s.current_value_date, 'YYYY-MM-DD') AS current_date,
            s.annual_target, to_char(s.annual_target_date, 'YYYY-MM-DD') AS annual_target_date,
            s.global_target, to_char(s.global_target_date, 'YYYY-MM-DD') AS global_target_date,
            s.annual_rate, s.global_rate
     FROM indicator_state s JOIN territory t ON t.code = s.territory_code JOIN indicator i ON i.id = s.indicator_id JOIN policy p ON p.id = i.policy_id
     WHERE s.indicator_id = $1 AND p.status = 'published' AND ($2::text IS NULL OR s.territory_code = $2) AND ($3::text IS NULL OR t.level = $3)
       AND ($4::text IS NULL OR s.territory_code > $4)${inScope.sql}
     ORDER BY s.territory_code LIMIT $5`,
    [q.indicatorId, q.territory ?? null, q.level ?? null, q.after ?? null, q.limit, ...inScope.params],
  )) as Record<string, unknown>[];
}

export async function selectPolicyRates(db: EntityManager, q: RateQuery, scope: ReadScope): Promise<Record<string, unknown>[]> {
  const inScope = scopeSqlForPolicy(scope, 's.territory_code', 's.policy_id', 6);
  return (await db.query(
    `SELECT s.policy_id, s.territory_code, t.level, t.name AS territory_name, s.annual_rate, s.global_rate, to_char(s.rate_date, 'YYYY-MM-DD') AS rate_date
     FROM policy_state s JOIN territory t ON t.code = s.territory_code JOIN policy p ON p.id = s.policy_id
     WHERE s.policy_id = $1 AND p.status = 'published' AND ($2::text IS NULL OR s.territory_code = $2) AND ($3::text IS NULL OR t.level = $3)
       AND ($4::text IS NULL OR s.territory_code > $4)${inScope.sql}
     ORDER BY s.territory_code LIMIT $5`,
    [q.policyId, q.territory ?? null, q.level ?? null, q.after ?? null, q.limit, ...inScope.params],
  )) as Record<string, unknown>[];
}

export interface ValueQuery { indicatorId: string; territory?: string; level?: string; from?: string; to?: string; limit: number; after?: string }

/** Published values (entered and aggregated) of an indicator, one row per territory × date × kind. */
export async function selectValues(db: EntityManager, q: ValueQuery, scope: ReadScope): Promise<Record<string, unknown>[]> {
  const inScope = (column: string) => scopeSqlForPolicy(scope, column, 'i.policy_id', 8); // same parameters for both columns
  return (await db.query(
    `SELECT v.territory_code, t.level, to_char(v.date, 'YYYY-MM-DD') AS date, v.kind, v.value, v.provenance,
            v.territory_code || '|' || to_char(v.date, 'YYYY-MM-DD') || '|' || v.kind AS cursor
     FROM (
       SELECT DISTINCT ON (territory_code, date, kind) territory_code, date, kind, value, provenance FROM measure
       WHERE indicator_id = $1 AND state = 'published' ORDER BY territory_code, date, kind, id DESC
     ) v JOIN territory t ON t.code = v.territory_code JOIN indicator i ON i.id = $1 JOIN policy p ON p.id = i.policy_id
     WHERE p.status = 'published' AND ($2::text IS NULL OR v.territory_code = $2) AND ($3::text IS NULL OR t.level = $3)
       AND ($4::date IS NULL OR v.date >= $4) AND ($5::date IS NULL OR v.date <= $5)
       AND ($6::text IS NULL OR v.territory_code || '|' || to_char(v.date, 'YYYY-MM-DD') || '|' || v.kind > $6)${inScope('v.territory_code').sql}
     UNION ALL
     SELECT d.territory_code, t.level, to_char(d.date, 'YYYY-MM-DD'), d.kind, d.value, 'aggregate',
            d.territory_code || '|' || to_char(d.date, 'YYYY-MM-DD') || '|' || d.kind
     FROM derived_measure d JOIN territory t ON t.code = d.territory_code JOIN indicator i ON i.id = d.indicator_id JOIN policy p ON p.id = i.policy_id
     WHERE d.indicator_id = $1 AND p.status = 'published' AND ($2::text IS NULL OR d.territory_code = $2) AND ($3::text IS NULL OR t.level = $3)
       AND ($4::date IS NULL OR d.date >= $4) AND ($5::date IS NULL OR d.date <= $5)
       AND ($6::text IS NULL OR d.territory_code || '|' || to_char(d.date, 'YYYY-MM-DD') || '|' || d.kind > $6)${inScope('d.territory_code').sql}
     ORDER BY 7 LIMIT $7`,
    [q.indicatorId, q.territory ?? null, q.level ?? null, q.from ?? null, q.to ?? null, q.after ?? null, q.limit, ...inScope('').params],
  )) as Record<string, unknown>[];
}
