export interface CsvRecord {
  /** Physical line (1-based) where the record starts. */
  line: number;
  cells: string[];
}

/**
 * Incremental RFC 4180 parser: feed decoded text in chunks, get complete records back. Quoted
 * cells may hold separators, doubled quotes and line breaks; LF, CRLF and CR all end a record.
 * Only the unfinished record is kept between chunks, so memory does not grow with the file.
 */
export class CsvRecordParser {
  private buffer = '';
  private line = 1;

  /** `separator` is one character (`;` or `,`). */
  constructor(readonly separator: string) {}

  /** Line where the next record starts (for messages about what is being read). */
  get currentLine(): number {
    return this.line;
  }

  push(text: string, final = false): CsvRecord[] {
    this.buffer += text;
    const records: CsvRecord[] = [];
    let pos = 0;
    const buf = this.buffer;
    const sep = this.separator.charCodeAt(0);
    while (pos < buf.length) {
      const start = pos;
      const startLine = this.line;
      let extraLines = 0;
      const cells: string[] = [];
      let complete = false;
      for (;;) {
        if (buf.charCodeAt(pos) === 34 /* " */) {
          let value = '';
          let cursor = pos + 1;
          let closed = false;
          for (;;) {
            const quote = buf.indexOf('"', cursor);
            if (quote < 0) break;
            if (buf.charCodeAt(quote + 1) === 34) {
              value += buf.slice(cursor, quote + 1);
              cursor = quote + 2;
              continue;
            }
            if (quote + 1 >= buf.length && !final) break; // a doubled quote may follow in the next chunk
            value += buf.slice(cursor, quote);
            cursor = quote + 1;
            closed = true;
            break;
          }
          if (!closed) {
            if (!final) break;
            value += buf.slice(cursor); // unterminated quote at end of file: keep what is there
            cursor = buf.length;
          }
          extraLines += countLineBreaks(value);
          // Text between the closing quote and the separator is kept as is (lenient, like Excel).
          const end = nextBoundary(buf, cursor, sep);
          if (end < 0 && !final) break;
          const stop = end < 0 ? buf.length : end;
          cells.push(value + buf.slice(cursor, stop));
          pos = stop;
        } else {
          const end = nextBoundary(buf, pos, sep);
          if (end < 0 && !final) break;
          const stop = end < 0 ? buf.length : end;
          cells.push(buf.slice(pos, stop));
          pos = stop;
        }
        if (pos >= buf.length) {
          complete = true;
          break;
        }
        const code = buf.charCodeAt(pos);
        if (code === 10 || code === 13) {
          if (code === 13 && pos + 1 >= buf.length && !final) break; // CR at chunk end: LF may follow
          pos += code === 13 && buf.charCodeAt(pos + 1) === 10 ? 2 : 1;
          complete = true;
          break;
        }
        pos += 1; // separator: next cell
        if (pos >= buf.length) {
          if (!final) break;
          cells.push('');
          complete = true;
          break;
        }
      }
      if (!complete) {
        pos = start;
        break;
      }
      records.push({ line: startLine, cells });
      this.line = startLine + 1 + extraLines;
    }
    this.buffer = buf.slice(pos);
    return records;
  }
}

/** Next separator or line break from `from` (a plain loop: indexOf per character kind would rescan). */
function nextBoundary(buf: string, from: number, sep: number): number {
  for (let i = from; i < buf.length; i += 1) {
    const code = buf.charCodeAt(i);
    if (code === sep || code === 10 || code === 13) return i;
  }
  return -1;
}

function countLineBreaks(value: string): number {
  let count = 0;
  for (let i = 0; i < value.length; i += 1) {
    const code = value.charCodeAt(i);
    if (code === 10) count += 1;
    else if (code === 13 && value.charCodeAt(i + 1) !== 10) count += 1;
  }
  return count;
}

/** The separator used by a header line: `;` or `,`, whichever appears more outside quotes. */
export function detectSeparator(headerLine: string): ';' | ',' | undefined {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === ';') semicolons += 1;
    else if (!quoted && char === ',') commas += 1;
  }
  if (semicolons === 0 && commas === 0) return undefined;
  return semicolons >= commas ? ';' : ',';
}
