import type ExcelJS from 'exceljs';
import { TableReadError } from './table-read-error';

/** The exceljs version the kit is tested with: what an instance installs to read .xlsx files. */
export const EXCELJS_VERSION = '4.4.0';

/**
 * Loads exceljs, an optional peer of this package: it brings about 160 packages (a third of an
 * instance's install) for .xlsx alone, so an instance installs it only if it imports Excel files
 * (`npm install exceljs@4.4.0`). Missing, an .xlsx file gets a report line that says to use CSV
 * or ask the administrator; `pilote doctor` says how to turn it on.
 */
export async function loadExceljs(name = 'exceljs'): Promise<typeof ExcelJS> {
  try {
    return ((await import(name)) as { default: typeof ExcelJS }).default;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if ((code === 'MODULE_NOT_FOUND' || code === 'ERR_MODULE_NOT_FOUND') && (error as Error).message.includes(`'${name}'`)) {
      throw new TableReadError('xlsxNotInstalled', { package: `${name}@${EXCELJS_VERSION}` });
    }
    throw error;
  }
}

/** Whether this installation can read .xlsx files (for `pilote doctor`). */
export function exceljsInstalled(): boolean {
  try {
    require.resolve('exceljs');
    return true;
  } catch {
    return false;
  }
}
