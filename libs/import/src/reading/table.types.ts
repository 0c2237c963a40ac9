import type { TextEncoding } from './auto-decoder';

/** One data row of a table file, cells as text, with the line a user sees in their editor. */
export interface TableRow {
  line: number;
  cells: string[];
}

/** What the reader found out about the file, reported to the user. */
export interface TableInfo {
  format: 'csv' | 'xlsx';
  encoding?: TextEncoding;
  bom?: boolean;
  separator?: ';' | ',';
  sheet?: string;
  header: string[];
  /** Line of the header (1 unless leading blank lines). */
  headerLine: number;
}

export interface TableSource {
  info: TableInfo;
  rows: AsyncIterable<TableRow>;
}

export interface ReadProgress {
  bytesRead: number;
  totalBytes: number;
}
