import { csvCell } from '@pilote/auth';
import type { BoardCellView } from './campaign-board';

export const BOARD_CSV_COLUMNS = ['territory_code', 'territory_name', 'policy_id', 'policy_name', 'indicator_id', 'indicator_name', 'status', 'late', 'stale', 'last_date'] as const;

/** The board's cells as CSV lines (header first, CRLF, formula cells neutralised like the audit CSV). */
export function boardCsv(cells: readonly BoardCellView[]): string {
  const rows = cells.map((cell) =>
    [cell.territoryCode, cell.territoryName, cell.policyId, cell.policyName, cell.indicatorId, cell.indicatorName, cell.status, cell.late, cell.stale, cell.lastDate ?? ''].map(csvCell).join(','),
  );
  return `${[BOARD_CSV_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}
