import { formatReport } from '../report/format-report';
import { VALID_CSV, contextWithReferential, currentValues, fingerprint, importFile, rates, tempFile, type ImportTestContext } from '../../test/support';

describe('publishing an import', () => {
  let context: ImportTestContext;

  beforeAll(async () => {
    context = await contextWithReferential();
  });
  afterAll(async () => {
    await context?.dispose();
  });

  it('previews the effect on rates in a dry run and leaves the database exactly as before', async () => {
    const before = await fingerprint(context.dataSource);
    const report = await importFile(context, tempFile(VALID_CSV), { dryRun: true });
    expect(report.errors).toEqual([]);
    expect(report.status).toBe('dry-run');
    expect(report.counts).toMatchObject({ rows: 10, values: 10, wouldWrite: 10, written: 0 });
    const finistere = report.preview?.indicators.rows.find((row) => row.id === 'IND-A' && row.territoryCode === 'D29');
    // rising, VI 10 → VA 15.5 toward VC 30: (15.5 − 10) / (30 − 10) = 27.5 %
    expect(finistere).toMatchObject({ before: null, changed: true });
    expect(finistere?.after.global).toBeCloseTo(27.5);
    expect(report.preview?.policies.rows.some((row) => row.id === 'POL-TEST' && row.territoryCode === 'D29' && row.changed)).toBe(true);
    expect(await fingerprint(context.dataSource)).toEqual(before);
  });

  it('publishes with the rates the preview announced, then a second publish of the same file adds nothing', async () => {
    const file = tempFile(VALID_CSV);
    const preview = await importFile(context, file, { dryRun: true });
    const published = await importFile(context, file);
    expect(published.status).toBe('published');
    expect(published.counts.written).toBe(10);
    const after = await rates(context.dataSource);
    for (const row of preview.preview?.indicators.rows ?? []) expect(after[`I:${row.id}@${row.territoryCode}`]).toEqual([row.after.annual, row.after.global]);
    for (const row of preview.preview?.policies.rows ?? []) expect(after[`P:${row.id}@${row.territoryCode}`]).toEqual([row.after.annual, row.after.global]);
    const batches = (await context.dataSource.query(`SELECT file_hash, author_id, rows_written, status FROM import_batch`)) as { file_hash: string; author_id: string; rows_written: number; status: string }[];
    expect(batches).toEqual([{ file_hash: published.file.sha256, author_id: 'test-user', rows_written: 10, status: 'published' }]);
    const trail = (await context.dataSource.query(`SELECT action, new FROM audit_log WHERE subject_type = 'import_batch'`)) as { action: string; new: { sha256: string; written: number } }[];
    expect(trail).toEqual([{ action: 'import.published', new: expect.objectContaining({ sha256: published.file.sha256, written: 10 }) }]);
    // …and one line per value written, in the value's territory, with its file line.
    const perValue = (await context.dataSource.query(
      `SELECT subject_id, old, new, territory_code FROM audit_log WHERE action = 'measure.imported' ORDER BY (new->>'line')::int`,
    )) as { subject_id: string; old: unknown; new: { value: number; line: number; file: string; batchId: string }; territory_code: string }[];
    expect(perValue).toHaveLength(10);
    expect(perValue[1]).toMatchObject({ subject_id: 'IND-A|D29|VA|2023-12-31', old: null, new: { value: 15.5, line: 3, batchId: published.batchId }, territory_code: 'D29' });
    expect(perValue.map((row) => row.territory_code)).toEqual(['D29', 'D29', 'D29', 'D35', 'D35', 'D35', 'R53', 'R53', 'R53', 'FRANCE']);

    const values = await currentValues(context.dataSource);
    const state = await fingerprint(context.dataSource, ['measure', 'derived_measure', 'indicator_state', 'policy_state']);
    const again = await importFile(context, file);
    expect(again.status).toBe('unchanged');
    expect(again.counts).toMatchObject({ written: 0, unchanged: 10 });
    expect(again.warnings.map((w) => w.code)).toContain('alreadyImported');
    expect(await currentValues(context.dataSource)).toEqual(values);
    expect(await fingerprint(context.dataSource, ['measure', 'derived_measure', 'indicator_state', 'policy_state'])).toEqual(state);
  });

  it('writes only the rows that change when a corrected file comes in', async () => {
    const corrected = VALID_CSV.replace('IND-A;D29;Finistère;31/12/2023;va;15,5', 'IND-A;D29;Finistère;31/12/2023;va;20');
    const report = await importFile(context, tempFile(corrected));
    expect(report.counts).toMatchObject({ written: 1, unchanged: 9 });
    const trail = (await context.dataSource.query(`SELECT subject_id, old, new FROM audit_log WHERE action = 'measure.imported' AND new->>'batchId' = $1`, [report.batchId])) as {
      subject_id: string; old: unknown; new: { value: number; line: number };
    }[];
    expect(trail).toEqual([{ subject_id: 'IND-A|D29|VA|2023-12-31', old: { value: 15.5 }, new: expect.objectContaining({ value: 20, line: 3 }) }]);
    const changed = report.preview?.indicators.rows.find((row) => row.id === 'IND-A' && row.territoryCode === 'D29');
    expect(changed?.before?.global).toBeCloseTo(27.5);
    expect(changed?.after.global).toBeCloseTo(50);
  });

  it('does not count a value older than its series\' latest one as new: it completes the history', async () => {
    const file = [
      'identifiant_indic;zone_id;zone_nom;date_valeur;type_valeur;valeur',
      'IND-A;D29;Finistère;30/06/2023;va;12',
      'IND-A;D29;Finistère;31/12/2024;va;25',
    ].join('\r\n');
    const report = await importFile(context, tempFile(file), { dryRun: true });
    // D29's latest VA is 31/12/2023: June 2023 is older, December 2024 is new.
    expect(report.counts).toMatchObject({ wouldWrite: 2, older: 1 });
    expect(formatReport(report, 'fr')).toContain('nouvelles : 1 · plus anciennes que la dernière de leur série (historique) : 1');
  });
});
