import type { EntityManager } from 'typeorm';
import { createTestContext } from '../testing/test-context';
import type { BulkColumn } from './bulk-insert';
import { replaceRows } from './replace-rows';

interface Row {
  scope: string;
  date: string;
  value: number;
}

const columns: BulkColumn<Row>[] = [
  { name: 'scope', type: 'text', value: (r) => r.scope },
  { name: 'date', type: 'date', value: (r) => r.date },
  { name: 'value', type: 'float8', value: (r) => r.value },
];
const replace = (m: EntityManager, scope: string, rows: Row[]) => replaceRows(m, 'replace_rows_test', columns, ['scope', 'date'], { where: 'scope = $1', params: [scope] }, rows);
const read = async (m: EntityManager) =>
  (await m.query(`SELECT scope, to_char(date, 'YYYY-MM-DD') AS date, value, xmin::text AS version FROM replace_rows_test ORDER BY scope, date`)) as (Row & { version: string })[];

describe('replaceRows', () => {
  it('rewrites only the rows that changed, deletes those gone, leaves other scopes alone; large sets are replaced whole', async () => {
    const context = await createTestContext();
    try {
      const db = context.dataSource;
      await db.query(`CREATE TABLE replace_rows_test (scope text, date date, value float8, PRIMARY KEY (scope, date))`);
      await db.transaction((m) => replace(m, 'A', [{ scope: 'A', date: '2024-01-31', value: 1 }, { scope: 'A', date: '2024-02-29', value: 2 }, { scope: 'A', date: '2024-03-31', value: 3 }]));
      await db.transaction((m) => replace(m, 'B', [{ scope: 'B', date: '2024-01-31', value: 9 }]));
      const before = await read(db.manager);
      await db.transaction((m) => replace(m, 'A', [{ scope: 'A', date: '2024-01-31', value: 1 }, { scope: 'A', date: '2024-02-29', value: 20 }, { scope: 'A', date: '2024-04-30', value: 4 }]));
      const after = await read(db.manager);
      expect(after.map(({ version, ...row }) => row)).toEqual([
        { scope: 'A', date: '2024-01-31', value: 1 },
        { scope: 'A', date: '2024-02-29', value: 20 },
        { scope: 'A', date: '2024-04-30', value: 4 },
        { scope: 'B', date: '2024-01-31', value: 9 },
      ]);
      // Unchanged rows keep their version (no new tuple); the changed one has a new one.
      expect(after[0].version).toBe(before[0].version);
      expect(after[1].version).not.toBe(before[1].version);
      expect(after[3].version).toBe(before[3].version);
      // Above the COPY threshold: deleted and written again (PostgreSQL: COPY; PGlite: inserts).
      const many = Array.from({ length: 250 }, (_, i) => ({ scope: 'A', date: new Date(Date.UTC(2020, 0, 1 + i)).toISOString().slice(0, 10), value: i }));
      await db.transaction((m) => replace(m, 'A', many));
      const large = await read(db.manager);
      expect(large.filter((r) => r.scope === 'A').map(({ version, ...row }) => row)).toEqual(many);
      expect(large.find((r) => r.scope === 'B')).toMatchObject({ value: 9, version: before[3].version });
      // An empty set empties the scope.
      await db.transaction((m) => replace(m, 'A', []));
      expect((await read(db.manager)).map((r) => r.scope)).toEqual(['B']);
    } finally {
      await context.dispose();
    }
  });
});
