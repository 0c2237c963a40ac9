import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeMeasures } from '../measures/write-measures';
import { createTestContext } from '../testing/test-context';
import { loadReferential } from './load-referential';

const fixtures = path.join(__dirname, '../../test/fixtures/referential-small');
const levels = ['NAT', 'REG', 'DEPT', 'EPCI', 'COM'];
const recompute = { levelOrder: levels, asOf: '2026-11-28' };

describe('reloading the referential recomputes what it changes', () => {
  it('applies a new direction and new weights to existing rates', async () => {
    const context = await createTestContext();
    try {
      expect((await loadReferential(context.dataSource, fixtures, { levels, recompute })).ok).toBe(true);
      await context.dataSource.transaction((m) =>
        writeMeasures(
          m,
          [
            { indicatorId: 'I-SUM', territoryCode: 'D13', kind: 'VI', date: '2022-01-01', value: 10 },
            { indicatorId: 'I-SUM', territoryCode: 'D13', kind: 'VA', date: '2026-09-30', value: 20 },
            { indicatorId: 'I-SUM', territoryCode: 'D13', kind: 'VC', date: '2026-12-31', value: 50 },
            { indicatorId: 'I-DELAY', territoryCode: 'D13', kind: 'VI', date: '2022-01-01', value: 30 },
            { indicatorId: 'I-DELAY', territoryCode: 'D13', kind: 'VA', date: '2026-09-30', value: 20 },
            { indicatorId: 'I-DELAY', territoryCode: 'D13', kind: 'VC', date: '2026-12-31', value: 10 },
          ],
          { provenance: 'user', ...recompute },
        ),
      );
      const rates = async () =>
        (await context.dataSource.query(
          `SELECT (SELECT global_rate FROM indicator_state WHERE indicator_id = 'I-SUM' AND territory_code = 'D13') AS sum,
                  (SELECT global_rate FROM policy_state WHERE policy_id = 'P-1' AND territory_code = 'D13') AS policy`,
        ))[0] as { sum: number; policy: number };
      expect(await rates()).toEqual({ sum: 25, policy: 43.75 });

      const dir = mkdtempSync(path.join(os.tmpdir(), 'ref-'));
      cpSync(fixtures, dir, { recursive: true });
      const yaml = readFileSync(path.join(dir, 'indicators.yaml'), 'utf8');
      // I-SUM becomes falling (VI 10 ≤ VC 50 and VA 20 ≤ 50: reached, 100) and I-DELAY's weight at DEPT drops from 3 to 1.
      writeFileSync(path.join(dir, 'indicators.yaml'), yaml.replace('direction: rising', 'direction: falling').replace('DEPT: { weight: 3 }', 'DEPT: { weight: 1 }'));
      const reload = await loadReferential(context.dataSource, dir, { levels, recompute });
      expect(reload.report?.updated.indicators).toBe(2);
      expect(await rates()).toEqual({ sum: 100, policy: 75 }); // (100 × 1 + 50 × 1) / 2
    } finally {
      await context.dispose();
    }
  });
});
