import { crc32, toXlsx } from './xlsx';

/** Reads the files of a stored ZIP through its central directory, checking each CRC. */
function readStoredZip(bytes: Uint8Array): Record<string, string> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = bytes.length - 22;
  expect(view.getUint32(end, true)).toBe(0x06054b50);
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const files: Record<string, string> = {};
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    expect(view.getUint32(at, true)).toBe(0x02014b50);
    const crc = view.getUint32(at + 16, true);
    const size = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const offset = view.getUint32(at + 42, true);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    const localNameLength = view.getUint16(offset + 26, true);
    const data = bytes.subarray(offset + 30 + localNameLength, offset + 30 + localNameLength + size);
    expect(crc32(data)).toBe(crc);
    files[name] = decoder.decode(data);
    at += 46 + nameLength;
  }
  return files;
}

describe('XLSX export', () => {
  it('computes the standard CRC-32', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it('writes a workbook whose sheet holds the header, text cells escaped and numbers as numbers', () => {
    const rows = [{ name: 'Rénovation <énergétique> & co', rate: 42.5 }, { name: '=1+1', rate: null }];
    const bytes = toXlsx(rows, [{ header: 'Chantier', value: (r) => r.name }, { header: 'Taux', value: (r) => r.rate }], 'Chantiers: France');
    const files = readStoredZip(bytes);
    expect(Object.keys(files).sort()).toEqual(['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml']);
    const sheet = files['xl/worksheets/sheet1.xml'];
    expect(sheet).toContain('<c r="A1" t="inlineStr"><is><t xml:space="preserve">Chantier</t></is></c>');
    expect(sheet).toContain('Rénovation &lt;énergétique&gt; &amp; co');
    expect(sheet).toContain('<c r="B2"><v>42.5</v></c>');
    // A formula-looking text stays a string; an empty value leaves no cell.
    expect(sheet).toContain('<c r="A3" t="inlineStr"><is><t xml:space="preserve">=1+1</t></is></c>');
    expect(sheet).not.toContain('r="B3"');
    expect(files['xl/workbook.xml']).toContain('name="Chantiers  France"');
  });
});
