import { closeSync, createReadStream, fstatSync, openSync, readSync } from 'node:fs';
import { createInflateRaw } from 'node:zlib';
import { TableReadError } from './table-read-error';

const MB = 1024 * 1024;
const DEFAULT_MAX_UNPACKED = 256 * MB;
const DEFAULT_MAX_CELLS = 10_000_000;

export interface XlsxLimits {
  /** All parts of the workbook, unpacked (PILOTE_IMPORT_XLSX_MAX_UNPACKED_BYTES, default 256 MB). */
  maxUnpackedBytes: number;
  /** Cells of the sheet read (PILOTE_IMPORT_XLSX_MAX_CELLS, default 10 million). */
  maxCells: number;
}

function positive(raw: string | undefined, fallback: number): number {
  const value = raw?.trim() ? Number(raw) : fallback;
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

export function xlsxLimits(env: NodeJS.ProcessEnv = process.env): XlsxLimits {
  return { maxUnpackedBytes: positive(env.PILOTE_IMPORT_XLSX_MAX_UNPACKED_BYTES, DEFAULT_MAX_UNPACKED), maxCells: positive(env.PILOTE_IMPORT_XLSX_MAX_CELLS, DEFAULT_MAX_CELLS) };
}

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  localHeaderOffset: number;
}

const megabytes = (bytes: number) => (bytes % MB === 0 ? `${bytes / MB} MB` : `${(bytes / MB).toFixed(1)} MB`);
const tooLarge = (part: string, limit: number) => new TableReadError('xlsxTooLarge', { part, limit: megabytes(limit) });

/**
 * Unpacks every part of the workbook into nothing, counting bytes, and stops at the cap: a 1 MB
 * file whose shared strings unpack to 1 GB is refused before exceljs holds any of it. The real
 * inflated sizes are counted, not the sizes the ZIP declares (those can lie). Costs one extra
 * inflate pass (~0.2 s per 100 MB unpacked).
 */
export async function checkXlsxSize(file: string, limits: XlsxLimits = xlsxLimits()): Promise<void> {
  let total = 0;
  for (const entry of readCentralDirectory(file)) {
    const remaining = limits.maxUnpackedBytes - total;
    total += await unpackedSize(file, entry, remaining, () => tooLarge(entry.name, limits.maxUnpackedBytes));
  }
}

function readCentralDirectory(file: string): ZipEntry[] {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const tailLength = Math.min(size, 65_557);
    const tail = Buffer.alloc(tailLength);
    readSync(fd, tail, 0, tailLength, size - tailLength);
    const end = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    if (end < 0) throw new TableReadError('xlsxUnreadable', { reason: 'no ZIP central directory' });
    const count = tail.readUInt16LE(end + 10);
    const directorySize = tail.readUInt32LE(end + 12);
    const directoryOffset = tail.readUInt32LE(end + 16);
    if (directoryOffset === 0xffffffff || directoryOffset + directorySize > size) throw new TableReadError('xlsxUnreadable', { reason: 'ZIP64 or truncated archive' });
    const directory = Buffer.alloc(directorySize);
    readSync(fd, directory, 0, directorySize, directoryOffset);
    const entries: ZipEntry[] = [];
    let at = 0;
    for (let i = 0; i < count; i += 1) {
      if (at + 46 > directory.length || directory.readUInt32LE(at) !== 0x02014b50) throw new TableReadError('xlsxUnreadable', { reason: 'damaged ZIP central directory' });
      const nameLength = directory.readUInt16LE(at + 28);
      const extraLength = directory.readUInt16LE(at + 30);
      const commentLength = directory.readUInt16LE(at + 32);
      const name = directory.toString('utf8', at + 46, at + 46 + nameLength);
      const entry = { name, method: directory.readUInt16LE(at + 10), compressedSize: directory.readUInt32LE(at + 20), localHeaderOffset: directory.readUInt32LE(at + 42) };
      // The data starts after the local header, whose name and extra lengths may differ from the central ones.
      const local = Buffer.alloc(30);
      readSync(fd, local, 0, 30, entry.localHeaderOffset);
      if (local.readUInt32LE(0) !== 0x04034b50) throw new TableReadError('xlsxUnreadable', { reason: `damaged ZIP entry ${name}` });
      entries.push({ ...entry, localHeaderOffset: entry.localHeaderOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28) });
      at += 46 + nameLength + extraLength + commentLength;
    }
    return entries;
  } finally {
    closeSync(fd);
  }
}

/** Bytes `entry` unpacks to; rejects with `overflow()` as soon as it passes `budget`. */
function unpackedSize(file: string, entry: ZipEntry, budget: number, overflow: () => TableReadError): Promise<number> {
  if (entry.method === 0) return entry.compressedSize > budget ? Promise.reject(overflow()) : Promise.resolve(entry.compressedSize);
  if (entry.method !== 8) return Promise.reject(new TableReadError('xlsxUnreadable', { reason: `${entry.name} uses an unknown compression method (${entry.method})` }));
  return new Promise((resolve, reject) => {
    let unpacked = 0;
    const input = entry.compressedSize > 0 ? createReadStream(file, { start: entry.localHeaderOffset, end: entry.localHeaderOffset + entry.compressedSize - 1 }) : createReadStream(file, { start: entry.localHeaderOffset });
    const inflate = createInflateRaw();
    const fail = (error: Error) => {
      input.destroy();
      inflate.destroy();
      reject(error);
    };
    inflate.on('data', (chunk: Buffer) => {
      unpacked += chunk.length;
      if (unpacked > budget) fail(overflow());
    });
    inflate.on('end', () => resolve(unpacked));
    inflate.on('error', (error) => fail(new TableReadError('xlsxUnreadable', { reason: `${entry.name}: ${error.message}`.slice(0, 200) })));
    input.on('error', (error) => fail(new TableReadError('xlsxUnreadable', { reason: error.message.slice(0, 200) })));
    input.pipe(inflate);
  });
}
