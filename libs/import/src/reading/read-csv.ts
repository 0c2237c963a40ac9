import { createReadStream } from 'node:fs';
import { AutoDecoder, MixedEncodingError } from './auto-decoder';
import { CsvRecordParser, detectSeparator } from './csv-record-parser';
import { TableReadError } from './table-read-error';
import type { ReadProgress, TableRow, TableSource } from './table.types';

const CHUNK_BYTES = 256 * 1024;

/**
 * Streams a CSV file: encoding detected while decoding, separator detected from the header
 * line, records yielded as they complete. The header is read before returning so that callers
 * can resolve their columns; the rows follow lazily.
 */
export async function readCsv(file: string, totalBytes: number, onBytes?: (progress: ReadProgress) => void): Promise<TableSource> {
  const stream = createReadStream(file, { highWaterMark: CHUNK_BYTES });
  const iterator = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const decoder = new AutoDecoder();
  let bytesRead = 0;
  let done = false;

  const nextText = async (): Promise<string | undefined> => {
    if (done) return undefined;
    const next = await iterator.next();
    try {
      if (next.done) {
        done = true;
        return decoder.decode(Buffer.alloc(0), true);
      }
      bytesRead += next.value.length;
      onBytes?.({ bytesRead, totalBytes });
      return decoder.decode(next.value);
    } catch (error) {
      stream.destroy();
      if (error instanceof MixedEncodingError) throw new TableReadError('mixedEncoding', { line: error.line }, error.line);
      throw error;
    }
  };

  // Header: accumulate text until the first line is complete (or the file ends).
  let pending = '';
  let lineBreak = -1;
  while ((lineBreak = pending.search(/\r|\n/)) < 0) {
    const text = await nextText();
    if (text === undefined) break;
    pending += text;
    if (pending.length > 1_000_000) break;
  }
  const headerText = lineBreak < 0 ? pending : pending.slice(0, lineBreak);
  const separator = detectSeparator(headerText);
  if (!separator) {
    stream.destroy();
    throw new TableReadError('separatorNotFound', { header: headerText.slice(0, 200) });
  }
  const records = new CsvRecordParser(separator);
  const first = records.push(pending, done);
  const headerRecord = first.shift();
  if (!headerRecord) {
    stream.destroy();
    throw new TableReadError('empty', {});
  }

  async function* rows(): AsyncGenerator<TableRow> {
    try {
      for (const record of first) yield record;
      for (;;) {
        const text = await nextText();
        if (text === undefined) break;
        for (const record of records.push(text, done)) yield record;
        if (done) break;
      }
    } finally {
      stream.destroy();
    }
  }

  return {
    info: {
      format: 'csv',
      get encoding() {
        return decoder.detected;
      },
      get bom() {
        return decoder.hadBom;
      },
      separator,
      header: headerRecord.cells.map((cell) => cell.trim()),
      headerLine: headerRecord.line,
    },
    rows: rows(),
  };
}
