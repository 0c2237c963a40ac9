import { parseBarometreCsv } from './read';

const HEADER = 'indic_id,enforce_zone_id,metric_enforce_date,maille,indic_vi,indic_va,indic_vc,indic_ta';

describe('parseBarometreCsv', () => {
  it('reads the published format, empty cells as null', () => {
    const { rows, warnings } = parseBarometreCsv(`${HEADER}\nIND-1,D01,2023-06-30,DEPT,,8249,,81.14\n`);
    expect(rows).toEqual([{ indicatorId: 'IND-1', zone: 'D01', date: '2023-06-30', level: 'DEPT', vi: null, va: 8249, vc: null, ta: 81.14 }]);
    expect(warnings).toEqual([]);
  });
  it('finds columns by name, accepts ; with decimal commas and a BOM', () => {
    const text = '\uFEFFindic_ta;maille;indic_id;enforce_zone_id;metric_enforce_date;indic_vi;indic_va;indic_vc;extra\r\n12,5;NAT;IND-2;FRANCE;2022-12-31;1;2,5;3;x\r\n';
    expect(parseBarometreCsv(text).rows[0]).toEqual({ indicatorId: 'IND-2', zone: 'FRANCE', date: '2022-12-31', level: 'NAT', vi: 1, va: 2.5, vc: 3, ta: 12.5 });
  });
  it("reads an impossible day as the month's last, as PILOTE does for 2023-06-31, and says so", () => {
    const { rows, warnings } = parseBarometreCsv(`${HEADER}\nIND-1,D01,2023-06-31,DEPT,,1,,\n`, 'f.csv');
    expect(rows[0].date).toBe('2023-06-30');
    expect(warnings).toEqual(['f.csv line 2: date 2023-06-31 read as 2023-06-30']);
  });
  it('skips unreadable rows with a warning, and refuses a file without the columns', () => {
    const { rows, warnings } = parseBarometreCsv(`${HEADER}\nIND-1,D01,June,DEPT,,1,,\nIND-1,D01,2023-06-30,DEPT,,abc,,\n`, 'f.csv');
    expect(rows).toEqual([]);
    expect(warnings).toHaveLength(2);
    expect(() => parseBarometreCsv('a,b\n1,2', 'x.csv')).toThrow('x.csv: not a baromètre file, missing column(s) indic_id');
  });
});
