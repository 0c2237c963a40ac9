import { neutralizeCell, toCsv } from './csv';

describe('CSV export', () => {
  it.each([
    ['=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'],
    ['+33 1 23', "'+33 1 23"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['Rénovation', 'Rénovation'],
    ['a=b', 'a=b'],
  ])('neutralises %j', (input, expected) => {
    expect(neutralizeCell(input)).toBe(expected);
  });

  it('keeps numbers (even negative) as numbers and empties missing values', () => {
    expect(neutralizeCell(-4.5)).toBe('-4.5');
    expect(neutralizeCell(null)).toBe('');
    expect(neutralizeCell(undefined)).toBe('');
    expect(neutralizeCell(Number.NaN)).toBe('');
  });

  it('writes a header, quotes separators, quotes and newlines, and neutralises after quoting rules', () => {
    const rows = [
      { name: 'Fibre; phase 2', rate: 58, note: 'said "ok"\nthen' },
      { name: '=1+1', rate: null, note: '' },
    ];
    const csv = toCsv(rows, [
      { header: 'Name', value: (r) => r.name },
      { header: 'Rate', value: (r) => r.rate },
      { header: 'Note', value: (r) => r.note },
    ]);
    expect(csv).toBe('Name;Rate;Note\r\n"Fibre; phase 2";58;"said ""ok""\nthen"\r\n\'=1+1;;\r\n');
  });
});
