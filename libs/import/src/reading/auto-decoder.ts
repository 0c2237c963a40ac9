import { isAscii, isUtf8 } from 'node:buffer';
import { TextDecoder } from 'node:util';
import { decodeWindows1252 } from './windows-1252';

export type TextEncoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

/** Raised when a file that started as valid UTF-8 later holds bytes that are not UTF-8. */
export class MixedEncodingError extends Error {
  constructor(readonly line: number) {
    super(`invalid UTF-8 on line ${line}`);
  }
}

/**
 * Decodes a byte stream chunk by chunk, detecting the encoding on the way: a BOM decides
 * (UTF-8, UTF-16); otherwise ASCII stays undecided until the first non-ASCII bytes, which are
 * UTF-8 when valid and Windows-1252 otherwise (what Excel writes on French Windows). Deciding
 * late keeps memory flat: a 1252 file whose first accent is at line 900 000 is still read right.
 */
export class AutoDecoder {
  encoding: TextEncoding | undefined;
  hadBom = false;
  private decoder: TextDecoder | undefined;
  private carry: Buffer = Buffer.alloc(0);
  /** Line breaks in the bytes already decoded, to say where a problem is. */
  private lineBreaks = 0;
  private started = false;

  decode(chunk: Buffer, final = false): string {
    let data = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    this.carry = Buffer.alloc(0);
    if (!this.started) {
      if (data.length < 3 && !final) {
        this.carry = data;
        return '';
      }
      this.started = true;
      data = this.readBom(data);
    }
    const lineBreaks = this.lineBreaks;
    if (!this.encoding?.startsWith('utf-16')) this.lineBreaks += countByte(data, 0x0a);
    if (this.encoding === 'windows-1252') return decodeWindows1252(data);
    if (this.decoder) {
      try {
        return this.decoder.decode(data, { stream: !final });
      } catch {
        throw new MixedEncodingError(lineBreaks + countByte(data.subarray(0, Math.max(0, firstInvalidUtf8(data))), 0x0a) + 1);
      }
    }
    if (isAscii(data)) return data.toString('latin1');
    const cut = final ? data.length : completeUtf8Length(data);
    if (isUtf8(data.subarray(0, cut))) return this.use('utf-8', true).decode(data, { stream: !final });
    // Not UTF-8. If valid UTF-8 accents came before the first bad byte, the file mixes both.
    const invalid = firstInvalidUtf8(data);
    if (!isAscii(data.subarray(0, invalid))) throw new MixedEncodingError(lineBreaks + countByte(data.subarray(0, invalid), 0x0a) + 1);
    this.encoding = 'windows-1252';
    return decodeWindows1252(data);
  }

  /** The encoding to report: ASCII-only files are valid UTF-8. */
  get detected(): TextEncoding {
    return this.encoding ?? 'utf-8';
  }

  private readBom(data: Buffer): Buffer {
    if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) {
      this.hadBom = true;
      this.use('utf-8', true);
      return data.subarray(3);
    }
    if (data[0] === 0xff && data[1] === 0xfe) {
      this.hadBom = true;
      this.use('utf-16le', true);
      return data.subarray(2);
    }
    if (data[0] === 0xfe && data[1] === 0xff) {
      this.hadBom = true;
      this.use('utf-16be', true);
      return data.subarray(2);
    }
    return data;
  }

  private use(encoding: Exclude<TextEncoding, 'windows-1252'>, fatal: boolean): TextDecoder {
    this.encoding = encoding;
    this.decoder = new TextDecoder(encoding, { fatal });
    return this.decoder;
  }
}

/** Length of `data` without a trailing UTF-8 sequence cut by the chunk boundary. */
function completeUtf8Length(data: Buffer): number {
  for (let back = 1; back <= Math.min(3, data.length); back += 1) {
    const byte = data[data.length - back];
    if ((byte & 0xc0) === 0x80) continue; // continuation byte: look further back
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return needed > back ? data.length - back : data.length;
  }
  return data.length;
}

function countByte(data: Buffer, byte: number): number {
  let count = 0;
  for (let at = data.indexOf(byte); at >= 0; at = data.indexOf(byte, at + 1)) count += 1;
  return count;
}

/** Offset of the first byte that breaks UTF-8 (data.length if none). */
export function firstInvalidUtf8(data: Buffer): number {
  let i = 0;
  while (i < data.length) {
    const byte = data[i];
    const length = byte < 0x80 ? 1 : byte >= 0xc2 && byte <= 0xdf ? 2 : byte >= 0xe0 && byte <= 0xef ? 3 : byte >= 0xf0 && byte <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k += 1) {
      if (i + k >= data.length) return i;
      if ((data[i + k] & 0xc0) !== 0x80) return i;
    }
    i += length;
  }
  return data.length;
}
