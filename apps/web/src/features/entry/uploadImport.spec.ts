import { readLines } from './uploadImport';

describe('readLines (the import stream as it arrives)', () => {
  it('reads only complete lines and resumes where it stopped, across chunk boundaries', () => {
    const first = '{"type":"progress","phase":"reading","percent":10,"rows":100}\n{"type":"progress","pha';
    const a = readLines(first, 0);
    expect(a.lines).toEqual([{ type: 'progress', phase: 'reading', percent: 10, rows: 100 }]);
    const both = `${first}se":"computing","percent":100,"rows":900}\n{"type":"report","httpStatus":422,"report":{"status":"invalid"}}\n`;
    const b = readLines(both, a.offset);
    expect(b.lines.map((line) => line.type)).toEqual(['progress', 'report']);
    expect(b.lines[1]).toMatchObject({ httpStatus: 422 });
    expect(readLines(both, b.offset)).toEqual({ lines: [], offset: b.offset });
  });
});
