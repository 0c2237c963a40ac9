import path from 'node:path';
import type { EntityManager } from 'typeorm';
import { computationLevelOrder } from '../config/instance-config.schema';
import { selectPeerStats, selectPrecomputedPeerStats, type PeerStatsRecord } from '../dashboard/dashboard-sql';
import { buildHome } from '../dashboard/home.service';
import { appendMeasures, writeMeasures } from '../measures/write-measures';
import type { NewMeasure } from '../measures/measure.types';
import { loadReferential } from '../referential/load-referential';
import { generateDemoMeasures } from '../seed/demo';
import { createTestContext } from '../testing/test-context';
import { testInstance } from '../testing/test-instance';
import { readIndicatorMeta } from './indicator-meta-reader';
import { computeAllFromMemory } from './recompute-all';
import { recomputeIndicators } from './recompute-indicators';

const instance = testInstance({
  territoryLevels: [
    { id: 'NAT', label: 'National' }, { id: 'REG', label: 'Région' }, { id: 'DEPT', label: 'Département' },
    { id: 'EPCI', label: 'EPCI' }, { id: 'COM', label: 'Commune' }, { id: 'CRTE', label: 'CRTE', perimeter: true },
  ],
});
const levelOrder = computationLevelOrder(instance.config);
const levels = instance.config.territoryLevels.map((l) => l.id);
const asOf = '2026-06-30';
const byPolicy = (rows: PeerStatsRecord[]) => [...rows].sort((a, b) => a.policy_id.localeCompare(b.policy_id));

/** Every policy × level: the precomputed statistics equal the live ones; returns how many were compared. */
async function expectPrecomputedEqualsLive(db: EntityManager): Promise<number> {
  const policyIds = ((await db.query(`SELECT id FROM policy`)) as { id: string }[]).map((r) => r.id);
  let compared = 0;
  for (const level of levels) {
    const live = byPolicy(await selectPeerStats(db, level, policyIds));
    expect({ level, stats: byPolicy(await selectPrecomputedPeerStats(db, level, policyIds)) }).toEqual({ level, stats: live });
    compared += live.length;
  }
  return compared;
}

const peerRow = async (db: EntityManager, policyId: string, level: string) =>
  ((await db.query(`SELECT global_min, global_median, global_max, global_count FROM policy_peer_stats WHERE policy_id = $1 AND level = $2`, [policyId, level])) as {
    global_min: number; global_median: number; global_max: number; global_count: number;
  }[])[0];

describe('peer statistics kept at write time', () => {
  it('follow every write at EPCI, département, région, national and perimeter levels, in the writing transaction', async () => {
    const context = await createTestContext({ instance });
    try {
      expect((await loadReferential(context.dataSource, path.join(__dirname, '../../test/fixtures/referential-perimeter'), { levels })).ok).toBe(true);
      const epci = (code: string, initial: number, current: number, target: number): NewMeasure[] => [
        { indicatorId: 'I-EPCI', territoryCode: code, kind: 'VI', date: '2022-12-31', value: initial },
        { indicatorId: 'I-EPCI', territoryCode: code, kind: 'VA', date: '2025-12-31', value: current },
        { indicatorId: 'I-EPCI', territoryCode: code, kind: 'VC', date: '2026-12-31', value: target },
      ];
      // One EPCI after another: each write changes the statistics of every level above it.
      const writes = [epci('E200000172', 10, 20, 30), epci('E200000438', 0, 5, 10), epci('E200000545', 0, 90, 100), epci('E200000172', 10, 30, 30)];
      for (const [index, values] of writes.entries()) {
        await context.dataSource.transaction(async (m) => {
          await writeMeasures(m, values, { provenance: 'user', levelOrder, asOf });
          // Not committed yet: the reader of this transaction already sees current statistics.
          expect(await expectPrecomputedEqualsLive(m)).toBeGreaterThanOrEqual(4);
          if (index === 1) expect(await peerRow(m, 'P-CRTE', 'EPCI')).toEqual({ global_min: 50, global_median: 50, global_max: 50, global_count: 2 });
        });
      }
      const epciStats = await peerRow(context.dataSource.manager, 'P-CRTE', 'EPCI');
      expect(epciStats).toEqual({ global_min: 50, global_median: 90, global_max: 100, global_count: 3 });
      expect((await peerRow(context.dataSource.manager, 'P-CRTE', 'DEPT')).global_count).toBe(3); // 74, 44 and 10
      expect((await peerRow(context.dataSource.manager, 'P-CRTE', 'CRTE')).global_count).toBe(1);
      // A transaction rolled back leaves the statistics as they were.
      await expect(
        context.dataSource.transaction(async (m) => {
          await writeMeasures(m, epci('E200000438', 0, 10, 10), { provenance: 'user', levelOrder, asOf });
          expect((await peerRow(m, 'P-CRTE', 'EPCI')).global_max).toBe(100);
          expect((await peerRow(m, 'P-CRTE', 'EPCI')).global_min).toBe(90);
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      expect(await peerRow(context.dataSource.manager, 'P-CRTE', 'EPCI')).toEqual(epciStats);
    } finally {
      await context.dispose();
    }
  });

  it('are the same after the seed path, incremental writes and a parameter change (recomputeIndicators)', async () => {
    const incremental = await createTestContext({ instance });
    const bulk = await createTestContext({ instance });
    try {
      const referential = path.join(__dirname, '../../../../examples/demo/data/referential');
      for (const context of [incremental, bulk]) expect((await loadReferential(context.dataSource, referential, { levels })).ok).toBe(true);
      const indicators = (await readIndicatorMeta(incremental.dataSource.manager)).slice(0, 12);
      const territories = (await incremental.dataSource.query(`SELECT code, level, parent_code AS "parentCode", population FROM territory WHERE level IN ('NAT','REG','DEPT')`)) as never[];
      const measures = generateDemoMeasures({ indicators: indicators.map((i) => ({ ...i, periodicity: i.periodicity as 'monthly' })), territories, seed: 11, from: '2022-01-01', until: asOf });
      await incremental.dataSource.transaction((m) => writeMeasures(m, measures, { provenance: 'seed', levelOrder, asOf }));
      await bulk.dataSource.transaction(async (m) => {
        await appendMeasures(m, measures, { provenance: 'seed' });
        await computeAllFromMemory(m, measures, { levelOrder, asOf, provenance: 'seed' });
      });
      // Both paths' policy rates agree to 9 digits (recompute-all.integration-spec.ts): so do their peers.
      const all = `SELECT policy_id, level, round(global_min::numeric, 9) AS min, round(global_median::numeric, 9) AS median,
        round(global_max::numeric, 9) AS max, global_count FROM policy_peer_stats ORDER BY 1, 2`;
      for (const context of [incremental, bulk]) expect(await expectPrecomputedEqualsLive(context.dataSource.manager)).toBeGreaterThan(3);
      expect(await bulk.dataSource.query(all)).toEqual(await incremental.dataSource.query(all));

      // The direction of an indicator flips: its policy's rates, then its peers' statistics, change.
      const flipped = indicators[0];
      const before = await peerRow(incremental.dataSource.manager, flipped.policyId, 'DEPT');
      await incremental.dataSource.transaction(async (m) => {
        await m.query(`UPDATE indicator SET direction = CASE WHEN direction = 'rising' THEN 'falling' ELSE 'rising' END WHERE id = $1`, [flipped.id]);
        await recomputeIndicators(m, [flipped.id], { levelOrder, asOf });
      });
      expect(await peerRow(incremental.dataSource.manager, flipped.policyId, 'DEPT')).not.toEqual(before);
      expect(await expectPrecomputedEqualsLive(incremental.dataSource.manager)).toBeGreaterThan(3);
    } finally {
      await incremental.dispose();
      await bulk.dispose();
    }
  });

  it('serve the home of a reader who sees everything; a scoped reader still gets peers counted in their scope', async () => {
    const context = await createTestContext({ instance });
    try {
      const db = context.dataSource.manager;
      expect((await loadReferential(context.dataSource, path.join(__dirname, '../../test/fixtures/referential-small'), { levels })).ok).toBe(true);
      const dept = (code: string, progress: number): NewMeasure[] => [
        { indicatorId: 'I-SUM', territoryCode: code, date: '2024-01-01', kind: 'VI', value: 0 },
        { indicatorId: 'I-SUM', territoryCode: code, date: '2026-05-31', kind: 'VA', value: progress },
        { indicatorId: 'I-SUM', territoryCode: code, date: '2026-12-31', kind: 'VC', value: 100 },
        { indicatorId: 'I-DELAY', territoryCode: code, date: '2024-01-01', kind: 'VI', value: 30 },
        { indicatorId: 'I-DELAY', territoryCode: code, date: '2026-05-31', kind: 'VA', value: 30 - (20 * progress) / 100 },
        { indicatorId: 'I-DELAY', territoryCode: code, date: '2026-12-31', kind: 'VC', value: 10 },
      ];
      // Two départements of Provence-Alpes-Côte d'Azur (R93) and one of Bretagne (R53); both
      // indicators move in step, so each policy rate is the progress given.
      await context.dataSource.transaction((m) => writeMeasures(m, [...dept('D13', 20), ...dept('D83', 60), ...dept('D29', 90)], { provenance: 'import', levelOrder, asOf }));
      const options = { asOf, levelOrder, mapLevels: ['REG', 'DEPT'] };
      const everywhere = await buildHome(db, 'D13', {}, options);
      const live = await selectPeerStats(db, 'DEPT', ['P-1']);
      expect(everywhere.policies[0].peers).toMatchObject({ min: live[0].min, median: live[0].median, max: live[0].max, count: 3 });
      expect(everywhere.policies[0].peers.median).toBeCloseTo(60);
      expect(everywhere.policies[0].gapToMedian).toBeCloseTo(-40);

      const inR93 = await buildHome(db, 'D13', {}, { ...options, scope: { territoryRoots: ['R93'] } });
      expect(inR93.policies[0].peers).toMatchObject({ count: 2 });
      expect(inR93.policies[0].peers.min).toBeCloseTo(20);
      expect(inR93.policies[0].peers.max).toBeCloseTo(60);
      expect(inR93.policies[0].peers.median).toBeCloseTo(40);

      // The unscoped home reads the stored row (not a live count): a row changed by hand shows.
      await context.dataSource.query(`UPDATE policy_peer_stats SET global_count = 99 WHERE policy_id = 'P-1' AND level = 'DEPT'`);
      expect((await buildHome(db, 'D13', {}, options)).policies[0].peers.count).toBe(99);
      expect((await buildHome(db, 'D13', {}, { ...options, scope: { territoryRoots: ['R93'] } })).policies[0].peers.count).toBe(2);
    } finally {
      await context.dispose();
    }
  });
});
