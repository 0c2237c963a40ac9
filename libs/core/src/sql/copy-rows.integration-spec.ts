import type { DataSource } from 'typeorm';
import { createDataSource } from '../database/data-source';
import type { DatabaseConnection } from '../database/database-connection';
import { createTestDatabase } from '../testing/test-database';
import type { BulkColumn } from './bulk-insert';
import { COPY_THRESHOLD, copyRows, openRowWriter } from './copy-rows';

interface Row {
  id: number;
  label: string | null;
  amount: number;
  day: string;
  doc: unknown;
}

const columns: BulkColumn<Row>[] = [
  { name: 'id', type: 'int', value: (r) => r.id },
  { name: 'label', type: 'text', value: (r) => r.label },
  { name: 'amount', type: 'float8', value: (r) => r.amount },
  { name: 'day', type: 'date', value: (r) => r.day },
  { name: 'doc', type: 'jsonb', value: (r) => r.doc },
];

// Text COPY escapes: backslash, tab, line breaks, a literal "\N", accents; floats that must round-trip.
const rows: Row[] = [
  { id: 1, label: 'plain', amount: 0.1 + 0.2, day: '2024-02-29', doc: { a: 1 } },
  { id: 2, label: 'tab\there', amount: 1e-7, day: '1990-01-31', doc: { path: 'C:\\dir\\file', quote: '"x"' } },
  { id: 3, label: 'line\nbreak\r\nand \\ backslash', amount: -1234.5678, day: '2200-12-31', doc: null },
  { id: 4, label: '\\N', amount: 1e21, day: '2024-06-30', doc: ['é', 'ü', '\t'] },
  { id: 5, label: null, amount: Number.MAX_VALUE, day: '2024-06-30', doc: { nested: { n: null } } },
];

describe('copyRows / openRowWriter (COPY on PostgreSQL, inserts on PGlite)', () => {
  let database: DatabaseConnection;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = createDataSource({ url: database.url, poolSize: 2 });
    await dataSource.initialize();
    await dataSource.query(`CREATE TABLE copy_probe (id int, label text, amount double precision, day date, doc jsonb)`);
  });

  afterAll(async () => {
    await dataSource.destroy();
    await database.close();
  });

  const readBack = async () =>
    (await dataSource.query(`SELECT id, label, amount, to_char(day, 'YYYY-MM-DD') AS day, doc FROM copy_probe ORDER BY id`)) as Row[];

  it.each([
    ['a few rows (one insert)', 1],
    ['many rows (COPY on PostgreSQL)', Math.ceil(COPY_THRESHOLD / rows.length) + 1],
  ])('writes every value exactly as given, inside the transaction: %s', async (_, copies) => {
    await dataSource.query(`TRUNCATE copy_probe`);
    const many = Array.from({ length: copies }, (__, copy) => rows.map((row) => ({ ...row, id: copy * 100 + row.id }))).flat();
    const written = await dataSource.transaction((manager) => copyRows(manager, 'copy_probe', columns, many));
    expect(written).toBe(many.length);
    expect((await readBack()).map((r) => ({ ...r, amount: Number(r.amount) }))).toEqual(many);
  });

  it('streams chunks and leaves nothing when the write is aborted and the transaction rolls back', async () => {
    await dataSource.query(`TRUNCATE copy_probe`);
    await expect(
      dataSource.transaction(async (manager) => {
        const writer = await openRowWriter(manager, 'copy_probe', columns);
        await writer.write(rows.slice(0, 2));
        await writer.write(rows.slice(2));
        const failure = new Error('the file broke half-way');
        await writer.abort(failure);
        throw failure;
      }),
    ).rejects.toThrow('the file broke half-way');
    expect(await readBack()).toEqual([]);
    // The connection is usable afterwards.
    const counted = await dataSource.transaction(async (manager) => {
      const writer = await openRowWriter(manager, 'copy_probe', columns);
      await writer.write(rows);
      return writer.close();
    });
    expect(counted).toBe(rows.length);
    expect(await readBack()).toHaveLength(rows.length);
  });
});
