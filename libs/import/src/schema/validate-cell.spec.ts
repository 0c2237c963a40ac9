import { schemaField } from './pilote-schema';
import { validateCell } from './validate-cell';

describe('validateCell against the PILOTE Table Schema', () => {
  it('types values and gives the enum its listed form', () => {
    expect(validateCell(schemaField('valeur'), '12,5')).toEqual({ ok: true, value: 12.5 });
    expect(validateCell(schemaField('date_valeur'), '31/12/23')).toEqual({ ok: true, value: '2023-12-31' });
    expect(validateCell(schemaField('type_valeur'), 'VC_Intermediaire')).toEqual({ ok: true, value: 'vc_intermediaire' });
  });

  it('distinguishes a missing required cell from a missing optional one', () => {
    expect(validateCell(schemaField('zone_id'), '  ')).toEqual({ ok: false, code: 'required' });
    expect(validateCell(schemaField('valeur'), '')).toEqual({ ok: true, value: null });
  });

  it('refuses formulas in codes but keeps them in free text', () => {
    expect(validateCell(schemaField('identifiant_indic'), '=cmd|calc')).toEqual({ ok: false, code: 'formulaInCode' });
    expect(validateCell(schemaField('zone_nom'), '=cmd|calc')).toEqual({ ok: true, value: '=cmd|calc' });
    expect(validateCell(schemaField('valeur'), '=1+1')).toEqual({ ok: false, code: 'formulaInNumber' });
  });

  it('applies enum and pattern constraints', () => {
    expect(validateCell(schemaField('type_valeur'), 'vz')).toMatchObject({ ok: false, code: 'notInList' });
    expect(validateCell(schemaField('zone_id'), 'd2a')).toEqual({ ok: false, code: 'badCode' });
    expect(validateCell({ name: 'n', type: 'integer', constraints: { minimum: 0 } }, '-1')).toEqual({ ok: false, code: 'belowMinimum', params: { minimum: 0 } });
  });
});
