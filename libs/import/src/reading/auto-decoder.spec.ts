import { AutoDecoder, MixedEncodingError } from './auto-decoder';

const decodeAll = (bytes: Buffer, chunk: number) => {
  const decoder = new AutoDecoder();
  let text = '';
  for (let i = 0; i < bytes.length; i += chunk) text += decoder.decode(bytes.subarray(i, i + chunk));
  return { text: text + decoder.decode(Buffer.alloc(0), true), encoding: decoder.detected, bom: decoder.hadBom };
};

describe('AutoDecoder', () => {
  const text = 'zone;nom\nD2A;Corse-du-Sud\nR84;Auvergne-Rhône-Alpes\nD29;Finistère — Penn-ar-Bed €\n';

  it.each([1, 2, 3, 7, 1024])('decodes UTF-8 split into %i-byte chunks', (chunk) => {
    expect(decodeAll(Buffer.from(text), chunk)).toEqual({ text, encoding: 'utf-8', bom: false });
  });

  it('strips a UTF-8 BOM', () => {
    expect(decodeAll(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), 5)).toEqual({ text, encoding: 'utf-8', bom: true });
  });

  it('decodes Windows-1252 (é, €, —) even when the first accent comes late', () => {
    const ascii = 'x;y\n'.repeat(5000);
    const win = Buffer.concat([Buffer.from(ascii), Buffer.from([0x52, 0x68, 0xf4, 0x6e, 0x65, 0x20, 0x80, 0x20, 0x97, 0x0a])]);
    expect(decodeAll(win, 4096)).toEqual({ text: `${ascii}Rhône € —\n`, encoding: 'windows-1252', bom: false });
  });

  it('refuses UTF-8 followed by non-UTF-8 bytes, naming the line', () => {
    const mixed = Buffer.concat([Buffer.from('a\nRhône\nb\n'), Buffer.from([0x43, 0xf4, 0x74, 0x65, 0x0a])]);
    expect(() => decodeAll(mixed, 1024)).toThrow(MixedEncodingError);
    try {
      decodeAll(mixed, 1024);
    } catch (error) {
      expect((error as MixedEncodingError).line).toBe(4);
    }
  });
});
