import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

export type FileKind =
  | { kind: 'csv' }
  | { kind: 'xlsx' }
  | { kind: 'rejected'; reason: 'empty' | 'pdf' | 'xls' | 'zip' | 'binary' | 'image' };

/**
 * Tells a CSV from an XLSX from anything else by content, never by extension: users rename
 * files. A ZIP is an XLSX only when it holds a workbook part.
 */
export function sniffFile(file: string): FileKind {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size === 0) return { kind: 'rejected', reason: 'empty' };
    const head = Buffer.alloc(Math.min(size, 8192));
    readSync(fd, head, 0, head.length, 0);
    const starts = (...bytes: number[]) => bytes.every((byte, i) => head[i] === byte);
    if (starts(0x50, 0x4b, 0x03, 0x04)) return zipHoldsWorkbook(fd, size) ? { kind: 'xlsx' } : { kind: 'rejected', reason: 'zip' };
    if (starts(0x25, 0x50, 0x44, 0x46)) return { kind: 'rejected', reason: 'pdf' };
    if (starts(0xd0, 0xcf, 0x11, 0xe0)) return { kind: 'rejected', reason: 'xls' };
    if (starts(0x89, 0x50, 0x4e, 0x47) || starts(0xff, 0xd8, 0xff) || starts(0x47, 0x49, 0x46)) return { kind: 'rejected', reason: 'image' };
    const utf16 = starts(0xff, 0xfe) || starts(0xfe, 0xff);
    if (!utf16 && looksBinary(head)) return { kind: 'rejected', reason: 'binary' };
    return { kind: 'csv' };
  } finally {
    closeSync(fd);
  }
}

/** Text files have no NUL byte and few control characters (tab, CR, LF and form feed aside). */
function looksBinary(head: Buffer): boolean {
  let control = 0;
  for (const byte of head) {
    if (byte === 0) return true;
    if (byte < 32 && byte !== 9 && byte !== 10 && byte !== 13 && byte !== 12) control += 1;
  }
  return control > head.length / 100;
}

/** The ZIP central directory sits at the end: look there for the workbook part's name. */
function zipHoldsWorkbook(fd: number, size: number): boolean {
  const length = Math.min(size, 1024 * 1024);
  const tail = Buffer.alloc(length);
  readSync(fd, tail, 0, length, size - length);
  return tail.includes('xl/workbook.xml');
}
