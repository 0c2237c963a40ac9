import { fromPiloteV2, toEngineParams } from './calculation-settings';
import { indicatorSchema } from './referential.schema';

const base = { id: 'I-1', policy: 'P-1', name: 'Créations', unit: 'nombre', periodicity: 'monthly' };

describe('levels.<LEVEL>.calculation', () => {
  it('is optional, and absent keeps the engine defaults', () => {
    const parsed = indicatorSchema.parse({ ...base, direction: 'rising', levels: { DEPT: { weight: 1 } } });
    expect(parsed.levels.DEPT.calculation).toBeUndefined();
    expect(toEngineParams(undefined)).toBeUndefined();
  });

  it('declares PILOTE parameters, translated for the engine', () => {
    const parsed = indicatorSchema.parse({
      ...base,
      direction: 'rising',
      levels: { DEPT: { calculation: { initial: 'latest-dated', missingInitial: 'zero', globalComparable: { operation: 'sum', window: 'year-start' }, annualComparable: { operation: 'mean', window: 'last-3-months', decumulate: 'year-start' }, annualTargetYear: 'current-value', globalTargetMaxDate: '2028-01-01' } } },
    });
    expect(toEngineParams(parsed.levels.DEPT.calculation)).toEqual({
      initial: { rule: 'latest-dated', whenMissing: 'zero' },
      globalComparable: { operation: 'sum', window: { kind: 'year-start' }, decumulate: { kind: 'none' } },
      annualComparable: { operation: 'mean', window: { kind: 'previous-months', months: 3 }, decumulate: { kind: 'year-start' } },
      annualTargetYear: 'current-value',
      globalTargetMaxDate: '2028-01-01',
    });
  });

  it('refuses unknown values and keys, naming the field', () => {
    const result = indicatorSchema.safeParse({ ...base, direction: 'rising', levels: { DEPT: { calculation: { globalComparable: { operation: 'median' }, foo: 1 } } } });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['levels.DEPT.calculation.globalComparable.operation', 'levels.DEPT.calculation']));
  });
});

describe("PILOTE v2's parameter names on import", () => {
  const pilote = {
    ...base,
    tendance: 'BAISSE',
    param_vacg_decumul_from: '',
    param_vacg_partition_date: 'from_year_start',
    param_vacg_op: 'sum',
    param_vaca_partition_date: 'from_previous_month::3',
    param_vaca_op: 'moy',
    param_vaca_decumul_from: 'from_custom_date::2023-03-01',
    poids_pourcent_dept_declaree: '40',
    vi_reg_from: 'DEPT',
    va_reg_from: 'DEPT',
    va_reg_op: 'moy',
    levels: { DEPT: {}, REG: { weight: 2 } },
  };

  it('are translated to the kit fields', () => {
    const parsed = indicatorSchema.parse(pilote);
    expect(parsed.direction).toBe('falling');
    expect(parsed.levels.DEPT).toMatchObject({ weight: 40, calculation: { globalComparable: { operation: 'sum', window: 'year-start' }, annualComparable: { operation: 'mean', window: 'last-3-months', decumulate: 'since-2023-03-01' } } });
    expect(parsed.levels.REG).toMatchObject({ weight: 2, VI: 'aggregated', VA: 'aggregated', VC: 'entered', aggregation: 'mean' });
    expect(toEngineParams(parsed.levels.REG.calculation)?.globalComparable?.operation).toBe('sum');
  });

  it('leave kit fields given alongside as they are, and other objects untouched', () => {
    expect((fromPiloteV2({ ...pilote, direction: 'rising' }) as { direction: string }).direction).toBe('rising');
    const plain = { ...base, direction: 'rising', levels: { DEPT: {} } };
    expect(fromPiloteV2(plain)).toBe(plain);
  });

  it('translate replication and règle 544 to the levels they concern', () => {
    const parsed = indicatorSchema.parse({ ...base, tendance: 'HAUSSE', replicate_val_reg_to: 'DEPT', agg_nat_rule544: 'true', levels: { NAT: {}, REG: {}, DEPT: {} } });
    expect(parsed.levels.DEPT.calculation).toMatchObject({ reportParentValues: true });
    expect(parsed.levels.NAT.calculation).toMatchObject({ enteredUntilAggregated: true });
    expect(parsed.levels.REG.calculation?.reportParentValues).toBeUndefined();
    const off = indicatorSchema.parse({ ...base, tendance: 'HAUSSE', agg_nat_rule544: 'false', levels: { NAT: {} } });
    expect(off.levels.NAT.calculation?.enteredUntilAggregated).toBeUndefined();
  });

  it('name the PILOTE parameter the kit cannot read', () => {
    const result = indicatorSchema.safeParse({ ...pilote, tendance: 'STABLE', param_vacg_op: 'median', vi_reg_from: 'sub_indic', replicate_val_reg_to: 'COM', agg_nat_rule544: 'maybe' });
    const messages = result.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];
    expect(messages).toEqual(
      expect.arrayContaining([
        'tendance: PILOTE parameter tendance: "STABLE" is not HAUSSE or BAISSE',
        'param_vacg_op: PILOTE parameter param_vacg_op: unknown value "median" (current_value, sum, moy)',
        'vi_reg_from: PILOTE parameter vi_reg_from: "sub_indic" is not read by the kit (user_input, DEPT or REG)',
        'replicate_val_reg_to: PILOTE parameter replicate_val_reg_to: "COM" is not read by the kit (REG values are reported to DEPT only)',
        'agg_nat_rule544: PILOTE parameter agg_nat_rule544: "maybe" is not true or false',
      ]),
    );
  });
});
