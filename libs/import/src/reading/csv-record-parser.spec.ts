import { CsvRecordParser, detectSeparator } from './csv-record-parser';

/** Feeds the text in every possible pair of chunks: records must not depend on where chunks end. */
function parseInChunks(text: string, separator = ';'): string[][][] {
  const results: string[][][] = [];
  for (let cut = 0; cut <= text.length; cut += 1) {
    const parser = new CsvRecordParser(separator);
    const records = [...parser.push(text.slice(0, cut)), ...parser.push(text.slice(cut), true)];
    results.push(records.map((r) => [[String(r.line)], ...r.cells.map((c) => [c])]).map((r) => r.flat()) as unknown as string[][]);
  }
  return results;
}

describe('CsvRecordParser', () => {
  it('reads quoted cells with separators, doubled quotes and line breaks, CRLF and LF, whatever the chunking', () => {
    const text = 'a;b;c\r\n"x;y";"say ""hi""";"two\r\nlines"\n1;;3\r\n';
    const expected = [['1', 'a', 'b', 'c'], ['2', 'x;y', 'say "hi"', 'two\r\nlines'], ['4', '1', '', '3']];
    for (const result of parseInChunks(text)) expect(result).toEqual(expected);
  });

  it('keeps a last record without a final line break, and a trailing empty cell', () => {
    const parser = new CsvRecordParser(',');
    expect(parser.push('a,b\n1,', true).map((r) => r.cells)).toEqual([['a', 'b'], ['1', '']]);
  });

  it('counts lines for records after a quoted line break', () => {
    const parser = new CsvRecordParser(';');
    const records = parser.push('h\n"a\nb"\nc\n', true);
    expect(records.map((r) => r.line)).toEqual([1, 2, 4]);
  });
});

describe('detectSeparator', () => {
  it('takes the most frequent of ; and , outside quotes', () => {
    expect(detectSeparator('identifiant_indic;zone_id;"a,b,c"')).toBe(';');
    expect(detectSeparator('indic_id,enforce_zone_id,metric_enforce_date')).toBe(',');
    expect(detectSeparator('a|b|c')).toBeUndefined();
  });
});
