import { Client } from 'pg';
import { startStreamingPair, type StreamingPair } from '../testing/streaming-replica';
import { currentWalLsn, hasReplayed, waitForReplay } from './replica-lsn';

/**
 * Read-your-writes with a real streaming replica (issue 16, item 3; ADR 034): the primitive the
 * routing will use. A private primary and a pg_basebackup standby, started by the test.
 */
describe('read-your-writes by LSN on a streaming replica', () => {
  let pair: StreamingPair | { skipped: string };
  let primary: Client;
  let replica: Client;

  beforeAll(async () => {
    pair = await startStreamingPair();
    if ('skipped' in pair) {
      console.warn(`Streaming replica tests skipped: ${pair.skipped}`);
      return;
    }
    primary = new Client({ connectionString: pair.primaryUrl });
    replica = new Client({ connectionString: pair.replicaUrl });
    await Promise.all([primary.connect(), replica.connect()]);
  }, 120_000);

  afterAll(async () => {
    await Promise.all([primary?.end(), replica?.end()].filter(Boolean));
    if (pair && !('skipped' in pair)) pair.stop();
  });

  const db = (client: Client) => ({ query: async (sql: string, params?: unknown[]) => (await client.query(sql, params)).rows });

  it('says when the replica shows a committed write, and it does then', async () => {
    if ('skipped' in pair) return;
    expect((await replica.query('SELECT pg_is_in_recovery() AS standby')).rows[0].standby).toBe(true);
    await primary.query('CREATE TABLE probe (id int PRIMARY KEY, value text)');
    const waits: number[] = [];
    for (let i = 1; i <= 20; i += 1) {
      await primary.query('INSERT INTO probe VALUES ($1, $2)', [i, `v${i}`]);
      const lsn = await currentWalLsn(db(primary));
      const waited = await waitForReplay(db(replica), lsn);
      expect(waited).not.toBeNull();
      waits.push(waited as number);
      // Replayed up to the commit's LSN: the row is there.
      expect((await replica.query('SELECT value FROM probe WHERE id = $1', [i])).rows).toEqual([{ value: `v${i}` }]);
    }
    waits.sort((a, b) => a - b);
    console.log(`read-your-writes wait on a local streaming replica: median ${waits[10].toFixed(1)} ms, max ${waits[19].toFixed(1)} ms (20 writes)`);
  });

  it('says no for a position the replica has not reached', async () => {
    if ('skipped' in pair) return;
    const lsn = await currentWalLsn(db(primary));
    // Far ahead of anything written.
    const ahead = (await primary.query(`SELECT ($1::pg_lsn + 1000000000)::text AS lsn`, [lsn])).rows[0].lsn as string;
    expect(await hasReplayed(db(replica), ahead)).toBe(false);
    expect(await waitForReplay(db(replica), ahead, 50)).toBeNull();
    // The primary is no standby: asked there, there is no replay position.
    expect(await hasReplayed(db(primary), lsn)).toBe(false);
  });
});
