import type { EntityManager } from 'typeorm';
import { bulkInsert } from '../sql/bulk-insert';
import type { TerritoryRecord } from './territory.types';

/** Inserts or updates territories and rebuilds their closure rows, parents before children. */
export async function upsertTerritories(manager: EntityManager, records: readonly TerritoryRecord[]): Promise<void> {
  const byDepth = [...records].sort((a, b) => a.ancestors.length - b.ancestors.length);
  await bulkInsert(
    manager,
    'territory',
    [
      { name: 'code', type: 'text', value: (r) => r.code },
      { name: 'level', type: 'text', value: (r) => r.level },
      { name: 'name', type: 'text', value: (r) => r.name },
      { name: 'parent_code', type: 'text', value: (r) => r.parentCode },
      { name: 'population', type: 'int', value: (r) => r.population },
      { name: 'insee_code', type: 'text', value: (r) => r.inseeCode },
    ],
    byDepth,
    {
      onConflict: `ON CONFLICT (code) DO UPDATE SET level = EXCLUDED.level, name = EXCLUDED.name, parent_code = EXCLUDED.parent_code,
        population = EXCLUDED.population, insee_code = EXCLUDED.insee_code, updated_at = now()`,
    },
  );
  const codes = records.map((r) => r.code);
  await manager.query(`DELETE FROM territory_ancestor WHERE territory_code = ANY($1::text[])`, [codes]);
  const closure = records.flatMap((r) => [r.code, ...r.ancestors].map((ancestor, depth) => ({ territory: r.code, ancestor, depth })));
  await bulkInsert(
    manager,
    'territory_ancestor',
    [
      { name: 'territory_code', type: 'text', value: (row) => row.territory },
      { name: 'ancestor_code', type: 'text', value: (row) => row.ancestor },
      { name: 'depth', type: 'smallint', value: (row) => row.depth },
    ],
    closure,
    { chunkSize: 20_000 },
  );
}
