import { existsSync } from 'node:fs';
import path from 'node:path';
import type { EntityManager } from 'typeorm';
import type { KitContext } from '../boot/kit-context';
import { currentAsOf } from '../computation/as-of';
import { readIndicatorMeta } from '../computation/indicator-meta-reader';
import { UserFacingError } from '../errors/user-facing-error';
import { computationLevelOrder, hierarchyLevels } from '../config/instance-config.schema';
import { computeAllFromMemory } from '../computation/recompute-all';
import { appendMeasures } from '../measures/write-measures';
import { formatProblem } from '../referential/referential-error';
import { applyReferential } from '../referential/apply-referential';
import { readReferentialFiles } from '../referential/read-referential-files';
import { validateReferential } from '../referential/validate-referential';
import { bulkInsert } from '../sql/bulk-insert';
import { buildFrenchTerritories } from '../territories/french-territories';
import { upsertTerritories } from '../territories/territory-writer';
import { demoBaseLevel, generateDemoMeasures, generateDemoNarratives, generateDemoRoadmaps } from './demo';

/** Fixed seed: the demo looks the same on every machine and every start. */
export const DEMO_SEED = 20_220_101;
export const DEMO_FROM = '2022-01-01';

/** Transaction advisory lock of the first-start seed (two-int form: class 'SD', key 1). */
const SEED_LOCK = [0x5344, 1] as const;

/**
 * First start: territories, then the instance's referential and demo data, in one transaction.
 * `onlyIfEmpty`: processes started together on a new database seed once — the first takes the
 * lock, the others wait for it, find territories and return false.
 */
export async function seedInstance(context: KitContext, log: (line: string) => void, options: { onlyIfEmpty?: boolean } = {}): Promise<boolean> {
  const config = context.instance.config;
  const started = Date.now();
  let lap = started;
  // Each step says how long it took, so a slow first start can be diagnosed from its output.
  const step = (line: string) => {
    const now = Date.now();
    log(`${line} (${((now - lap) / 1000).toFixed(1)} s)`);
    lap = now;
  };
  const levelOrder = computationLevelOrder(config);
  const allLevels = config.territoryLevels.map((level) => level.id);
  const seeded = await context.dataSource.transaction(async (manager) => {
    if (options.onlyIfEmpty) {
      await manager.query(`SELECT pg_advisory_xact_lock($1, $2)`, [...SEED_LOCK]);
      const [{ count }] = (await manager.query(`SELECT count(*)::int AS count FROM territory`)) as { count: number }[];
      if (count > 0) return false;
    }
    const levels = config.territories.levels ?? hierarchyLevels(config);
    const territories = buildFrenchTerritories(levels, config.territories.regions);
    await upsertTerritories(manager, territories);
    step(`Territories: ${territories.length}`);
    const referentialDir = path.resolve(context.instance.directory, config.data.referential);
    if (!existsSync(referentialDir)) return true;
    const read = readReferentialFiles(referentialDir);
    const validated = validateReferential(read.items, { levels: allLevels });
    const problems = [...read.problems, ...validated.problems];
    if (problems.length > 0) {
      throw new UserFacingError(
        `The referential in ${referentialDir} has ${problems.length} problem(s):\n${problems.slice(0, 20).map((p) => `  - ${formatProblem(p)}`).join('\n')}`,
        'Fix the files, then start again (nothing was written).',
        'REFERENTIAL_INVALID',
      );
    }
    const report = await applyReferential(manager, validated.referential);
    if (report.problems.length > 0) {
      throw new UserFacingError(`The referential could not be applied: ${report.problems.map(formatProblem).join('; ')}`, 'Fix the files, then start again.', 'REFERENTIAL_INVALID');
    }
    step(`Referential: ${validated.referential.policies.length} policies, ${validated.referential.indicators.length} indicators`);
    if (config.data.seed === 'demo') await seedDemoValues(manager, levelOrder, step);
    return true;
  });
  if (seeded) log(`First-start seed done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return seeded;
}

/** The demo's values, rates, narratives and roadmaps over the territories and referential already written (as of `asOf`: today by default). */
export async function seedDemoValues(manager: EntityManager, levelOrder: string[], log: (line: string) => void, asOf = currentAsOf()): Promise<void> {
  const indicators = await readIndicatorMeta(manager);
  // Every territory: an indicator entered by intercommunalité or commune gets its values there (demoBaseLevel).
  const all = (await manager.query(`SELECT code, level, parent_code AS "parentCode", population FROM territory`)) as {
    code: string; level: string; parentCode: string | null; population: number | null;
  }[];
  const demoIndicators = indicators.map((i) => ({ id: i.id, policyId: i.policyId, direction: i.direction, unit: i.unit, periodicity: toDemoPeriodicity(i.periodicity), levels: i.levels }));
  const measures = generateDemoMeasures({
    indicators: demoIndicators,
    territories: all,
    seed: DEMO_SEED,
    from: DEMO_FROM,
    until: asOf,
  });
  await appendMeasures(manager, measures, { provenance: 'seed' });
  log(`Demo values: ${measures.length}`);
  let lastShown = 0;
  await computeAllFromMemory(manager, measures, {
    provenance: 'seed',
    levelOrder,
    asOf,
    log,
    onProgress: (done, total) => {
      if (done === total || done - lastShown >= Math.ceil(total / 4)) {
        lastShown = done;
        log(`Computing rates: ${done}/${total} indicators`);
      }
    },
  });
  const policies = (await manager.query(`SELECT id, name, status FROM policy WHERE status <> 'archived'`)) as { id: string; name: string; status: string }[];
  // Météo, comments and roadmaps where policies are followed: nation, régions, départements, and intercommunalités when values are entered there.
  const followed = new Set(['NAT', 'REG', 'DEPT', ...demoIndicators.map(demoBaseLevel).filter((level) => level === 'EPCI')]);
  const territories = all.filter((t) => followed.has(t.level));
  const narratives = generateDemoNarratives({ policies, territories, seed: DEMO_SEED, until: asOf });
  await bulkInsert(
    manager,
    'narrative',
    [
      { name: 'policy_id', type: 'text', value: (n) => n.policyId },
      { name: 'territory_code', type: 'text', value: (n) => n.territoryCode },
      { name: 'kind', type: 'text', value: (n) => n.kind },
      { name: 'type', type: 'text', value: (n) => n.type },
      { name: 'weather', type: 'text', value: (n) => n.weather },
      { name: 'body', type: 'text', value: (n) => n.body },
      { name: 'date', type: 'date', value: (n) => n.date },
      { name: 'author_name', type: 'text', value: (n) => n.authorName },
    ],
    narratives,
  );
  log(`Demo narratives (météo, comments): ${narratives.length}`);
  const published = policies.filter((p) => p.status === 'published');
  const roadmaps = generateDemoRoadmaps({ policies: published, territories, seed: DEMO_SEED });
  await bulkInsert(
    manager,
    'roadmap_item',
    [
      { name: 'territory_code', type: 'text', value: (r) => r.territoryCode },
      { name: 'policy_id', type: 'text', value: (r) => r.policyId },
      { name: 'local_objective', type: 'text', value: (r) => r.localObjective },
    ],
    roadmaps,
  );
  log(`Demo roadmaps: ${roadmaps.length}`);
}

function toDemoPeriodicity(periodicity: string): 'monthly' | 'quarterly' | 'yearly' {
  if (periodicity === 'quarterly' || periodicity === 'yearly') return periodicity;
  if (periodicity === 'semiannual') return 'quarterly';
  return 'monthly';
}
