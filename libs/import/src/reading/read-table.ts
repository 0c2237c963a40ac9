import { statSync } from 'node:fs';
import { readCsv } from './read-csv';
import { readXlsx } from './read-xlsx';
import { sniffFile } from './sniff-file';
import { TableReadError } from './table-read-error';
import type { ReadProgress, TableSource } from './table.types';

/** Opens a CSV or XLSX file for streaming; anything else is one clear `TableReadError`. */
export async function readTable(file: string, onBytes?: (progress: ReadProgress) => void): Promise<TableSource> {
  const kind = sniffFile(file);
  const size = statSync(file).size;
  if (kind.kind === 'rejected') throw new TableReadError(`notATable.${kind.reason}`, {});
  return kind.kind === 'xlsx' ? readXlsx(file, size, onBytes) : readCsv(file, size, onBytes);
}
