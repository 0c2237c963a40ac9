import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Peer statistics of every policy's global rate per territory level, kept at write time
 * (computation/refresh-peer-stats.ts, docs/adr/014-peer-statistics-at-write-time.md): the home
 * reads 200 rows instead of aggregating every peer's state on each request. Filled here from the
 * states already computed, so an upgraded instance reads correct numbers at once.
 */
export class CreatePolicyPeerStats1764000004000 implements MigrationInterface {
  name = 'CreatePolicyPeerStats1764000004000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE policy_peer_stats (
        policy_id text NOT NULL REFERENCES policy(id),
        level text NOT NULL,
        global_min double precision,
        global_median double precision,
        global_max double precision,
        global_count integer NOT NULL,
        PRIMARY KEY (policy_id, level)
      )`);
    await q.query(`
      INSERT INTO policy_peer_stats (policy_id, level, global_min, global_median, global_max, global_count)
      SELECT ps.policy_id, t.level, min(ps.global_rate), percentile_cont(0.5) WITHIN GROUP (ORDER BY ps.global_rate),
             max(ps.global_rate), count(ps.global_rate)::int
      FROM policy_state ps JOIN territory t ON t.code = ps.territory_code
      GROUP BY ps.policy_id, t.level`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE policy_peer_stats`);
  }
}
