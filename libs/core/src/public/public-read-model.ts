import type { EntityManager } from 'typeorm';
import type { InstanceConfig } from '../config/instance-config.schema';
import { readSeries } from '../computation/series-reader';
import type {
  PublicHomeType,
  PublicIndicatorType,
  PublicIndicatorViewType,
  PublicPolicyType,
  PublicPolicyViewType,
  PublicSiteType,
  PublicTerritoryRateType,
  PublicTerritoryType,
} from './public.types';

/** What the instance publishes, resolved from `publicSite` (ADR 038). */
export interface PublicScope {
  enabled: boolean;
  /** null = every published policy. */
  policies: string[] | null;
  hiddenIndicators: string[];
  /** Public levels, broadest first. */
  levels: string[];
  weather: boolean;
  /** The finest public level that has a map, or null. */
  mapLevel: string | null;
  embedSites: string[];
}

export function publicScopeOf(config: Pick<InstanceConfig, 'publicSite' | 'territoryLevels'>): PublicScope {
  const site = config.publicSite;
  const hierarchy = config.territoryLevels.filter((level) => !level.perimeter);
  const levels = site.levels ? hierarchy.map((l) => l.id).filter((id) => site.levels?.includes(id)) : hierarchy.map((l) => l.id);
  const mapped = hierarchy.filter((l) => l.hasMap && levels.includes(l.id)).map((l) => l.id);
  return {
    enabled: site.enabled,
    policies: site.policies === 'published' ? null : site.policies,
    hiddenIndicators: site.hiddenIndicators,
    levels,
    weather: site.weather,
    mapLevel: mapped.at(-1) ?? null,
    embedSites: site.embeds.allowedSites,
  };
}

/** Refusal of anything the public site does not show: one answer for "not public" and "not there". */
export class NotPublicError extends Error {
  readonly code = 'NOT_PUBLIC';
  constructor(readonly what: string) {
    super(`${what} is not public on this instance.`);
    this.name = 'NotPublicError';
  }
}

const day = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;

/**
 * The public read model: every public answer (GraphQL `public*`, REST `/api/v1/public`) is read
 * here, with explicit columns from published rows of public policies, indicators and levels only.
 * It never selects a person: no owners, authors, e-mails, comment or météo texts, proposals.
 */
export class PublicReadModel {
  constructor(
    private readonly db: EntityManager,
    readonly scope: PublicScope,
  ) {}

  site(rootTerritory: string | null): PublicSiteType {
    const s = this.scope;
    return { enabled: s.enabled, levels: s.enabled ? s.levels : [], weather: s.enabled && s.weather, rootTerritory: s.enabled ? rootTerritory : null, mapLevel: s.enabled ? s.mapLevel : null, embedSites: s.enabled ? s.embedSites : [] };
  }

  private ensureEnabled(): void {
    if (!this.scope.enabled) throw new NotPublicError('The public site');
  }

  /** The one territory of the broadest public level (the nation), where the home opens. */
  async rootTerritory(): Promise<string | null> {
    if (!this.scope.enabled || !this.scope.levels[0]) return null;
    const rows = (await this.db.query(`SELECT code FROM territory WHERE level = $1 AND status = 'active' ORDER BY code LIMIT 1`, [this.scope.levels[0]])) as { code: string }[];
    return rows[0]?.code ?? null;
  }

  async territory(code: string | null | undefined): Promise<PublicTerritoryType> {
    this.ensureEnabled();
    const wanted = code ?? (await this.rootTerritory());
    const rows = wanted
      ? ((await this.db.query(`SELECT code, name, level, parent_code AS "parentCode" FROM territory WHERE code = $1 AND level = ANY($2::text[])`, [wanted, this.scope.levels])) as PublicTerritoryType[])
      : [];
    if (!rows[0]) throw new NotPublicError(`Territory "${code ?? ''}"`);
    return rows[0];
  }

  async territories(level: string, parentCode?: string | null): Promise<PublicTerritoryType[]> {
    this.ensureEnabled();
    if (!this.scope.levels.includes(level)) throw new NotPublicError(`Level "${level}"`);
    return (await this.db.query(
      `SELECT t.code, t.name, t.level, t.parent_code AS "parentCode" FROM territory t
       WHERE t.level = $1 AND t.status = 'active'
         AND ($2::text IS NULL OR EXISTS (SELECT 1 FROM territory_ancestor a WHERE a.territory_code = t.code AND a.ancestor_code = $2))
       ORDER BY t.code`,
      [level, parentCode ?? null],
    )) as PublicTerritoryType[];
  }

  /** `AND <policy alias> is public` with its parameter at $n. */
  private policyFilter(alias: string, n: number): { sql: string; params: unknown[] } {
    return { sql: `${alias}.status = 'published' AND ($${n}::text[] IS NULL OR ${alias}.id = ANY($${n}::text[]))`, params: [this.scope.policies] };
  }

  private indicatorFilter(alias: string, n: number): { sql: string; params: unknown[] } {
    return { sql: `${alias}.status = 'active' AND NOT (${alias}.id = ANY($${n}::text[]))`, params: [this.scope.hiddenIndicators] };
  }

  async policies(territoryCode: string, only?: string): Promise<PublicPolicyType[]> {
    const policy = this.policyFilter('p', 2);
    const indicator = this.indicatorFilter('i', 4);
    const rows = (await this.db.query(
      `SELECT p.id, p.code, p.name, p.description,
              s.global_rate AS "globalRate", s.annual_rate AS "annualRate",
              (SELECT ${day('max(x.current_value_date)')} FROM indicator_state x JOIN indicator i ON i.id = x.indicator_id
                 WHERE i.policy_id = p.id AND x.territory_code = $1 AND ${indicator.sql}) AS "valuesAsOf",
              (SELECT ${day('max(x.computed_at)')} FROM indicator_state x JOIN indicator i ON i.id = x.indicator_id
                 WHERE i.policy_id = p.id AND x.territory_code = $1 AND ${indicator.sql}) AS "updatedOn",
              (SELECT count(*)::int FROM indicator i WHERE i.policy_id = p.id AND ${indicator.sql}) AS "indicatorCount",
              CASE WHEN $5 THEN (SELECT n.weather FROM narrative n WHERE n.policy_id = p.id AND n.territory_code = $1 AND n.kind = 'weather' AND n.state = 'published'
                                  ORDER BY n.date DESC, n.id DESC LIMIT 1) END AS weather
       FROM policy p LEFT JOIN policy_state s ON s.policy_id = p.id AND s.territory_code = $1
       WHERE ${policy.sql} AND ($3::text IS NULL OR p.id = $3)
       ORDER BY p.position, p.id`,
      [territoryCode, ...policy.params, only ?? null, ...indicator.params, this.scope.weather],
    )) as PublicPolicyType[];
    return rows;
  }

  async home(territoryCode?: string | null): Promise<PublicHomeType> {
    const territory = await this.territory(territoryCode);
    const policies = await this.policies(territory.code);
    const updatedOn = policies.map((p) => p.updatedOn).filter((d): d is string => Boolean(d)).sort().at(-1) ?? null;
    return { territory, policies, updatedOn };
  }

  private async policyOrRefuse(policyId: string, territoryCode: string): Promise<PublicPolicyType> {
    const rows = await this.policies(territoryCode, policyId);
    if (!rows[0]) throw new NotPublicError(`Policy "${policyId}"`);
    return rows[0];
  }

  private async indicators(territoryCode: string, where: { policyId?: string; indicatorId?: string }): Promise<PublicIndicatorType[]> {
    const policy = this.policyFilter('p', 4);
    const indicator = this.indicatorFilter('i', 5);
    return (await this.db.query(
      `SELECT i.id, i.policy_id AS "policyId", i.name, i.unit, i.direction, i.periodicity, i.source, i.method, i.description,
              s.current_value AS "currentValue", ${day('s.current_value_date')} AS "currentDate",
              s.global_target AS "globalTarget", ${day('s.global_target_date')} AS "globalTargetDate",
              s.global_rate AS "globalRate", s.annual_rate AS "annualRate", ${day('s.computed_at')} AS "updatedOn"
       FROM indicator i JOIN policy p ON p.id = i.policy_id
       LEFT JOIN indicator_state s ON s.indicator_id = i.id AND s.territory_code = $1
       WHERE ($2::text IS NULL OR i.policy_id = $2) AND ($3::text IS NULL OR i.id = $3) AND ${policy.sql} AND ${indicator.sql}
       ORDER BY i.position, i.id`,
      [territoryCode, where.policyId ?? null, where.indicatorId ?? null, ...policy.params, ...indicator.params],
    )) as PublicIndicatorType[];
  }

  /** The map level under a territory (null when the territory is at or below it). */
  private mapLevelUnder(territory: PublicTerritoryType): string | null {
    const { mapLevel, levels } = this.scope;
    if (!mapLevel) return null;
    return levels.indexOf(mapLevel) > levels.indexOf(territory.level) ? mapLevel : null;
  }

  async policy(policyId: string, territoryCode?: string | null): Promise<PublicPolicyViewType> {
    const territory = await this.territory(territoryCode);
    const policy = await this.policyOrRefuse(policyId, territory.code);
    const indicators = await this.indicators(territory.code, { policyId });
    const level = this.mapLevelUnder(territory);
    const map = level
      ? ((await this.db.query(
          `SELECT t.code, t.name, t.level, s.global_rate AS value FROM territory t
           JOIN territory_ancestor a ON a.territory_code = t.code AND a.ancestor_code = $2
           LEFT JOIN policy_state s ON s.territory_code = t.code AND s.policy_id = $3
           WHERE t.level = $1 AND t.status = 'active' ORDER BY t.code`,
          [level, territory.code, policy.id],
        )) as PublicTerritoryRateType[])
      : [];
    return { policy, territory, indicators, map };
  }

  async indicator(indicatorId: string, territoryCode?: string | null): Promise<PublicIndicatorViewType> {
    const territory = await this.territory(territoryCode);
    const [indicator] = await this.indicators(territory.code, { indicatorId });
    if (!indicator) throw new NotPublicError(`Indicator "${indicatorId}"`);
    // readSeries reads published measures and aggregated values only (never proposals).
    const own = (await readSeries(this.db, indicator.id, [territory.code])).get(territory.code);
    const point = (kind: string) => (p: { date: string; value: number; provenance?: string | null }) => ({ date: p.date, kind, value: p.value, aggregated: p.provenance === 'aggregate' });
    const points = own ? [...own.VI.map(point('VI')), ...own.VA.map(point('VA'))].sort((a, b) => a.date.localeCompare(b.date)) : [];
    const level = this.mapLevelUnder(territory);
    const map = level
      ? ((await this.db.query(
          `SELECT t.code, t.name, t.level, s.global_rate AS value FROM territory t
           JOIN territory_ancestor a ON a.territory_code = t.code AND a.ancestor_code = $2
           LEFT JOIN indicator_state s ON s.territory_code = t.code AND s.indicator_id = $3
           WHERE t.level = $1 AND t.status = 'active' ORDER BY t.code`,
          [level, territory.code, indicator.id],
        )) as PublicTerritoryRateType[])
      : [];
    return { indicator, territory, points, targets: (own?.VC ?? []).map(point('VC')), map };
  }

  /** Published values (entered and aggregated, marked) of a public indicator at the public levels: the open-data file. */
  async values(indicatorId: string, filter: { territory?: string; level?: string } = {}): Promise<PublicValueRow[]> {
    await this.ensureIndicator(indicatorId);
    const levels = filter.level ? [filter.level].filter((l) => this.scope.levels.includes(l)) : this.scope.levels;
    return (await this.db.query(
      `SELECT v.indicator_id, v.territory_code, t.name AS territory_name, t.level, ${day('v.date')} AS date, v.kind, v.value, v.aggregated FROM (
         SELECT DISTINCT ON (territory_code, date, kind) indicator_id, territory_code, date, kind, value, false AS aggregated FROM measure
         WHERE indicator_id = $1 AND state = 'published' ORDER BY territory_code, date, kind, id DESC
       ) v JOIN territory t ON t.code = v.territory_code
       WHERE t.level = ANY($2::text[]) AND ($3::text IS NULL OR v.territory_code = $3)
       UNION ALL
       SELECT d.indicator_id, d.territory_code, t.name, t.level, ${day('d.date')}, d.kind, d.value, true
       FROM derived_measure d JOIN territory t ON t.code = d.territory_code
       WHERE d.indicator_id = $1 AND t.level = ANY($2::text[]) AND ($3::text IS NULL OR d.territory_code = $3)
       ORDER BY 2, 5, 6`,
      [indicatorId, levels, filter.territory ?? null],
    )) as PublicValueRow[];
  }

  /** Rates of a public indicator per territory of the public levels. */
  async indicatorRates(indicatorId: string, filter: { territory?: string; level?: string } = {}): Promise<Record<string, unknown>[]> {
    await this.ensureIndicator(indicatorId);
    const levels = filter.level ? [filter.level].filter((l) => this.scope.levels.includes(l)) : this.scope.levels;
    return (await this.db.query(
      `SELECT s.indicator_id, s.territory_code, t.name AS territory_name, t.level,
              s.initial_value, ${day('s.initial_date')} AS initial_date, s.current_value, ${day('s.current_value_date')} AS current_date,
              s.current_provenance = 'aggregate' AS current_aggregated,
              s.global_target, ${day('s.global_target_date')} AS global_target_date, s.annual_rate, s.global_rate, ${day('s.computed_at')} AS updated_on
       FROM indicator_state s JOIN territory t ON t.code = s.territory_code
       WHERE s.indicator_id = $1 AND t.level = ANY($2::text[]) AND ($3::text IS NULL OR s.territory_code = $3)
       ORDER BY s.territory_code`,
      [indicatorId, levels, filter.territory ?? null],
    )) as Record<string, unknown>[];
  }

  async policyRates(policyId: string, filter: { territory?: string; level?: string } = {}): Promise<Record<string, unknown>[]> {
    const root = await this.territory(null);
    await this.policyOrRefuse(policyId, root.code);
    const levels = filter.level ? [filter.level].filter((l) => this.scope.levels.includes(l)) : this.scope.levels;
    return (await this.db.query(
      `SELECT s.policy_id, s.territory_code, t.name AS territory_name, t.level, s.annual_rate, s.global_rate, ${day('s.rate_date')} AS rate_date, ${day('s.computed_at')} AS updated_on
       FROM policy_state s JOIN territory t ON t.code = s.territory_code
       WHERE s.policy_id = $1 AND t.level = ANY($2::text[]) AND ($3::text IS NULL OR s.territory_code = $3)
       ORDER BY s.territory_code`,
      [policyId, levels, filter.territory ?? null],
    )) as Record<string, unknown>[];
  }

  /** Public indicators with their policy, for the catalogue. */
  async catalogue(): Promise<{ policies: PublicPolicyType[]; indicators: PublicIndicatorType[]; root: PublicTerritoryType }> {
    const root = await this.territory(null);
    return { root, policies: await this.policies(root.code), indicators: await this.indicators(root.code, {}) };
  }

  private async ensureIndicator(indicatorId: string): Promise<void> {
    const root = await this.territory(null);
    const found = await this.indicators(root.code, { indicatorId });
    if (!found[0]) throw new NotPublicError(`Indicator "${indicatorId}"`);
  }
}

export interface PublicValueRow {
  indicator_id: string;
  territory_code: string;
  territory_name: string;
  level: string;
  date: string;
  kind: string;
  value: number;
  aggregated: boolean;
}
