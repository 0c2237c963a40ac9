import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDataSource } from './data-source';
import { openDatabase } from './database-connection';

/**
 * Many requests at once on the embedded database, some with large parameters (a message split
 * over several TCP chunks): every query gets its own answer. With a pool of 8 connections this
 * failed on every run (pglite-socket interleaved the connections' protocol messages on PGlite's
 * one session: "bind message supplies 1 parameters, but prepared statement requires 3", and
 * answers swapped between queries).
 */
describe('embedded database under concurrent queries', () => {
  let directory: string;
  beforeAll(() => {
    directory = mkdtempSync(path.join(os.tmpdir(), 'pilote-concurrency-'));
  });
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('answers each of 3,000 concurrent queries with its own rows', async () => {
    const database = await openDatabase({ dataDirectory: directory });
    const dataSource = createDataSource({ url: database.url, poolSize: database.poolSize });
    await dataSource.initialize();
    try {
      const answers = await Promise.allSettled(
        Array.from({ length: 3000 }, async (_, i) => {
          if (i % 10 === 0) return ((await dataSource.query(`SELECT length($1::text)::int - 300000 AS n`, ['y'.repeat(300000 + i)])) as { n: number }[])[0].n === i;
          if (i % 2) return ((await dataSource.query(`SELECT $1::int AS n, repeat($2::text, $3::int) AS pad`, [i, 'x', (i * 37) % 2000])) as { n: number }[])[0].n === i;
          return ((await dataSource.query(`SELECT $1::text AS s`, [`v${i}`])) as { s: string }[])[0].s === `v${i}`;
        }),
      );
      const failed = answers.filter((a) => a.status === 'rejected').map((a) => String((a as PromiseRejectedResult).reason));
      expect(failed).toEqual([]);
      expect(answers.filter((a) => a.status === 'fulfilled' && !a.value)).toHaveLength(0);
    } finally {
      await dataSource.destroy();
      await database.close();
    }
  });
});
