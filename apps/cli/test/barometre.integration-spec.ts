import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli, STACK_LINE } from './run-cli';

const HEADER = 'indic_id,enforce_zone_id,metric_enforce_date,maille,indic_vi,indic_va,indic_vc,indic_ta';

function folderWith(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pilote-barometre-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

// IND-736's D02 and D03 rows of the November 2023 baromètre: the published rate is the rate of the
// sum of the year's current values; one more indicator rated from its latest value, and a 100× row.
const ind736 = [
  HEADER,
  'IND-736,D02,2022-12-31,DEPT,17946,,,',
  'IND-736,D02,2023-06-30,DEPT,,17062,,',
  'IND-736,D02,2023-07-31,DEPT,,17318,,',
  'IND-736,D02,2023-08-31,DEPT,,17639,,63.0351130351',
  'IND-736,D02,2026-12-31,DEPT,,,72000,',
  'IND-736,D03,2022-12-31,DEPT,8391,,,',
  'IND-736,D03,2023-06-30,DEPT,,9177,,',
  'IND-736,D03,2023-07-31,DEPT,,9883,,',
  'IND-736,D03,2023-08-31,DEPT,,10183,,79.8651805891',
  'IND-736,D03,2026-12-31,DEPT,,,34500,',
].join('\n');
const other = [HEADER, 'IND-1,FRANCE,2022-12-31,NAT,20,,,', 'IND-1,FRANCE,2023-06-30,NAT,,60,,5000', 'IND-1,FRANCE,2026-12-31,NAT,,,100,'].join('\n');

jest.setTimeout(60_000); // each run starts the CLI from its TypeScript sources

describe('pilote barometre check', () => {
  it('prints the match rate, the classes and the inferred parameters', async () => {
    const result = await runCli(['barometre', 'check', folderWith({ 'ind-736.csv': ind736, 'ind-1.csv': other })]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Match: 2 of 3 (66.6 %)');
    expect(result.stdout).toMatch(/published-100x\s+1 {2}the published value is 100 × ours/);
    expect(result.stdout).toContain('IND-736  global current value (VACG): sum of the current values since 1 January — 2 of 2 zone(s) match (default: 0');
  });

  it('answers JSON, and fails under --min-rate', async () => {
    const dir = folderWith({ 'ind-736.csv': ind736, 'ind-1.csv': other });
    const json = await runCli(['barometre', 'check', dir, '--json']);
    const parsed = JSON.parse(json.stdout) as { matched: number; zones: number; disagreements: { cls: string }[] };
    expect([parsed.matched, parsed.zones, parsed.disagreements.map((d) => d.cls)]).toEqual([2, 3, ['published-100x']]);
    const strict = await runCli(['barometre', 'check', dir, '--min-rate', '97']);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('Match rate 66.7 % is under --min-rate 97 %.');
  });

  it('says clearly what is wrong with its input', async () => {
    const missing = await runCli(['barometre', 'check', '/nonexistent/folder']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/Error: folder not found/);
    const usage = await runCli(['barometre']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('Usage: npx pilote barometre check <folder>');
    const bad = await runCli(['barometre', 'check', folderWith({ 'x.csv': 'a,b\n1,2\n' })]);
    expect(bad.stderr).toContain('Skipped: x.csv: not a baromètre file');
    expect(bad.stderr).not.toMatch(STACK_LINE);
  });
});
