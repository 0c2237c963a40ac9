import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import type { IndicatorType, TaxonomyType, TerritoryType } from './dashboard.types';
import { selectIndicatorsOfPolicies } from './indicator-sql';

export interface DashboardLoaders {
  indicatorsByPolicy: DataLoader<string, IndicatorType[]>;
  taxonomiesByPolicy: DataLoader<string, TaxonomyType[]>;
  territoryByCode: DataLoader<string, TerritoryType | null>;
}

const LOADERS = Symbol('dashboardLoaders');

/** One set of loaders per GraphQL request (stored on its context): batching without cross-request caching. */
export function loadersFor(context: object, db: EntityManager): DashboardLoaders {
  const holder = context as { [LOADERS]?: DashboardLoaders };
  holder[LOADERS] ??= {
    indicatorsByPolicy: new DataLoader(async (ids) => {
      const rows = await selectIndicatorsOfPolicies(db, ids);
      return ids.map((id) => rows.filter((row) => row.policyId === id));
    }),
    taxonomiesByPolicy: new DataLoader(async (ids) => {
      const rows = (await db.query(
        `SELECT pt.policy_id, t.id, t.kind, t.label, t.parent_id AS "parentId" FROM policy_taxonomy pt JOIN taxonomy t ON t.id = pt.taxonomy_id
         WHERE pt.policy_id = ANY($1::text[]) ORDER BY t.position, t.id`,
        [ids],
      )) as (TaxonomyType & { policy_id: string })[];
      return ids.map((id) => rows.filter((row) => row.policy_id === id));
    }),
    territoryByCode: new DataLoader(async (codes) => {
      const rows = (await db.query(`SELECT code, level, name, parent_code AS "parentCode", population FROM territory WHERE code = ANY($1::text[])`, [codes])) as TerritoryType[];
      return codes.map((code) => rows.find((row) => row.code === code) ?? null);
    }),
  };
  return holder[LOADERS];
}
