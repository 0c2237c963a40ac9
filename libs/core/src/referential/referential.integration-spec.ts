import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestContext } from '../testing/test-context';
import { exportReferential } from './export-referential';
import { loadReferential } from './load-referential';
import { formatProblem } from './referential-error';

const fixtures = path.join(__dirname, '../../test/fixtures');
const levels = ['NAT', 'REG', 'DEPT', 'EPCI', 'COM', 'CRTE'];

describe('referential files', () => {
  let context: Awaited<ReturnType<typeof createTestContext>>;
  beforeAll(async () => {
    context = await createTestContext();
  });
  afterAll(() => context.dispose());

  const counts = async () =>
    (await context.dataSource.query(
      `SELECT (SELECT count(*) FROM policy)::int AS policies, (SELECT count(*) FROM indicator)::int AS indicators, (SELECT count(*) FROM taxonomy)::int AS taxonomies`,
    )) as { policies: number; indicators: number; taxonomies: number }[];

  it('reports every problem at once with file, line and field, and writes nothing', async () => {
    const before = await counts();
    const result = await loadReferential(context.dataSource, path.join(fixtures, 'referential-broken'), { levels });
    expect(result.ok).toBe(false);
    const lines = result.problems.map(formatProblem);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/taxonomies\.yaml:4 \[id\] duplicate id "min-test" \(first at line 1\)/),
        expect.stringMatching(/policies\.yaml:3 \[kind\]/),
        expect.stringMatching(/policies\.yaml:7 \[owners\.0\.email\] expected an e-mail address/),
        expect.stringMatching(/indicators\.yaml:5 \[direction\]/),
        expect.stringMatching(/indicators\.yaml:\d+ \[levels\.DEPT\.weight\]/),
      ]),
    );
    expect(await counts()).toEqual(before);
  });

  it('reports cross-reference problems (unknown policy, taxonomy, level)', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ref-'));
    cpSync(path.join(fixtures, 'referential-small'), dir, { recursive: true });
    writeFileSync(path.join(dir, 'indicators.yaml'), readFileSync(path.join(dir, 'indicators.yaml'), 'utf8').replace('policy: P-1\n  name: Délai', 'policy: P-9\n  name: Délai'));
    writeFileSync(path.join(dir, 'policies.yaml'), readFileSync(path.join(dir, 'policies.yaml'), 'utf8').replace('[NAT, REG, DEPT]', '[NAT, REG, CANTON]'));
    const result = await loadReferential(context.dataSource, dir, { levels });
    expect(result.problems.map(formatProblem)).toEqual([
      expect.stringMatching(/policies\.yaml:8 \[levels\.2\] unknown level "CANTON"/),
      expect.stringMatching(/indicators\.yaml:\d+ \[policy\] unknown policy "P-9"/),
    ]);
  });

  it('applies idempotently, archives what disappeared, and exports files that load back unchanged', async () => {
    const dir = path.join(fixtures, 'referential-small');
    const first = await loadReferential(context.dataSource, dir, { levels });
    expect(first.ok).toBe(true);
    expect(first.report?.created).toEqual({ taxonomies: 1, policies: 1, indicators: 2, perimeters: 0 });
    const second = await loadReferential(context.dataSource, dir, { levels });
    expect(second.report?.created).toEqual({ taxonomies: 0, policies: 0, indicators: 0, perimeters: 0 });
    expect(second.report?.unchanged).toEqual({ taxonomies: 1, policies: 1, indicators: 2, perimeters: 0 });

    const reduced = mkdtempSync(path.join(os.tmpdir(), 'ref-'));
    cpSync(dir, reduced, { recursive: true });
    const yaml = readFileSync(path.join(reduced, 'indicators.yaml'), 'utf8');
    writeFileSync(path.join(reduced, 'indicators.yaml'), yaml.slice(0, yaml.indexOf('- id: I-DELAY')));
    const third = await loadReferential(context.dataSource, reduced, { levels });
    expect(third.report?.archived.indicators).toBe(1);
    const [{ status }] = (await context.dataSource.query(`SELECT status FROM indicator WHERE id = 'I-DELAY'`)) as { status: string }[];
    expect(status).toBe('archived');
    // Every change is in the audit trail, with old → new, and nothing was deleted.
    const trail = (await context.dataSource.query(
      `SELECT action, subject_id, old, new, actor_kind FROM audit_log WHERE subject_type = 'indicator' ORDER BY id`,
    )) as { action: string; subject_id: string; old: unknown; new: { name?: string } | null; actor_kind: string }[];
    expect(trail.map((t) => `${t.action} ${t.subject_id}`)).toEqual(['indicator.created I-SUM', 'indicator.created I-DELAY', 'indicator.archived I-DELAY']);
    expect(trail[2]).toMatchObject({ old: { status: 'active' }, new: { status: 'archived' }, actor_kind: 'system' });

    const exported = mkdtempSync(path.join(os.tmpdir(), 'ref-export-'));
    await exportReferential(context.dataSource, exported);
    const again = await loadReferential(context.dataSource, exported, { levels });
    expect(again.ok).toBe(true);
    expect(again.report?.updated).toEqual({ taxonomies: 0, policies: 0, indicators: 0, perimeters: 0 });
    expect(again.report?.created).toEqual({ taxonomies: 0, policies: 0, indicators: 0, perimeters: 0 });
  });

  it('reads the same referential from CSV files (dotted headers, | lists, decimal commas), and reports CSV lines', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ref-csv-'));
    writeFileSync(path.join(dir, 'taxonomies.csv'), 'id;kind;label\nmin-csv;ministry;Ministère CSV\n');
    writeFileSync(path.join(dir, 'policies.csv'), 'id;name;kind;status;levels;taxonomies\nP-CSV;"Politique ; CSV";other;published;NAT|REG|DEPT;min-csv\n');
    writeFileSync(
      path.join(dir, 'indicators.csv'),
      'id;policy;name;unit;direction;periodicity;levels.DEPT.weight;levels.DEPT.calculation.reportParentValues;levels.REG.weight;levels.REG.VA;levels.REG.aggregation\n' +
        'I-CSV;P-CSV;Taux CSV;%;rising;quarterly;1,5;TRUE;1;aggregated;mean\n' +
        'I-BAD;P-CSV;Mauvais;%;sideways;quarterly;1;false;1;aggregated;mean\n',
    );
    const bad = await loadReferential(context.dataSource, dir, { levels });
    expect(bad.problems.map(formatProblem)).toEqual([expect.stringMatching(/indicators\.csv:3 \[direction\]/)]);
    writeFileSync(path.join(dir, 'indicators.csv'), readFileSync(path.join(dir, 'indicators.csv'), 'utf8').split('\n').slice(0, 2).join('\n') + '\n');
    const good = await loadReferential(context.dataSource, dir, { levels });
    expect(good.ok).toBe(true);
    const [row] = (await context.dataSource.query(`SELECT p.name, i.level_settings FROM indicator i JOIN policy p ON p.id = i.policy_id WHERE i.id = 'I-CSV'`)) as {
      name: string; level_settings: Record<string, { weight: number; VA: string; aggregation: string }>;
    }[];
    expect(row.name).toBe('Politique ; CSV');
    expect(row.level_settings.DEPT.weight).toBe(1.5);
    expect(row.level_settings.DEPT).toMatchObject({ calculation: { reportParentValues: true } });
    expect(row.level_settings.REG).toMatchObject({ weight: 1, VA: 'aggregated', aggregation: 'mean' });
  });

  it('rolls back everything when a perimeter names an unknown territory', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ref-'));
    cpSync(path.join(fixtures, 'referential-small'), dir, { recursive: true });
    writeFileSync(path.join(dir, 'policies.yaml'), readFileSync(path.join(dir, 'policies.yaml'), 'utf8').replace('Politique de test', 'Politique renommée'));
    writeFileSync(path.join(dir, 'perimeters.yaml'), `- code: CRTE-X\n  level: CRTE\n  name: Contrat X\n  members: [E200000172, E999999999]\n`);
    const result = await loadReferential(context.dataSource, dir, { levels });
    expect(result.ok).toBe(false);
    expect(result.problems[0].message).toContain('E999999999');
    const [{ name }] = (await context.dataSource.query(`SELECT name FROM policy WHERE id = 'P-1'`)) as { name: string }[];
    expect(name).toBe('Politique de test');
  });
});
