import { isOverdue, nextExpectedUpdate, type Periodicity } from '@pilote/engine';

const PERIODICITIES: readonly Periodicity[] = ['daily', 'weekly', 'monthly', 'quarterly', 'semiannual', 'yearly'];

/** One expected value: an indicator of the campaign at one of its territories. */
export interface BoardCell {
  indicatorId: string;
  indicatorName?: string;
  policyId: string;
  policyName: string;
  territoryCode: string;
  territoryName: string;
  periodicity: string;
  availabilityDelayDays: number;
  /** Date of the latest published current value (VA), any period. */
  lastDate: string | null;
  /** A published current value dated inside the campaign's period. */
  publishedInPeriod: boolean;
  /** A proposal for the period, submitted or validated, not yet published. */
  awaitingValidation: boolean;
}

export type CellStatus = 'published' | 'awaiting' | 'missing';

export interface BoardCounts {
  expected: number;
  published: number;
  awaiting: number;
  missing: number;
  /** Missing or awaiting once the deadline has passed. */
  late: number;
  /** Whose latest value is older than periodicity + availability delay allow (or that have none). */
  stale: number;
  /** published / expected, 0–100 (100 when nothing is expected). */
  completeness: number;
}

export interface BoardRow extends BoardCounts {
  key: string;
  name: string;
}

/** One expected value as the board shows it: where, what, and why it counts as missing. */
export interface BoardCellView {
  indicatorId: string;
  indicatorName: string;
  policyId: string;
  policyName: string;
  territoryCode: string;
  territoryName: string;
  status: CellStatus;
  late: boolean;
  stale: boolean;
  lastDate: string | null;
}

export interface Board {
  totals: BoardCounts;
  byTerritory: BoardRow[];
  byPolicy: BoardRow[];
  /** Every expected value, not yet published first (missing, then awaiting), then by territory and indicator. */
  cells: BoardCellView[];
}

const STATUS_ORDER: Record<CellStatus, number> = { missing: 0, awaiting: 1, published: 2 };

/** The cells of a board, each with its status, lateness and freshness. */
export function viewCells(cells: readonly BoardCell[], options: { asOf: string; deadline: string }): BoardCellView[] {
  const pastDeadline = options.asOf > options.deadline;
  return cells
    .map((cell) => {
      const status = cellStatus(cell);
      return {
        indicatorId: cell.indicatorId,
        indicatorName: cell.indicatorName ?? cell.indicatorId,
        policyId: cell.policyId,
        policyName: cell.policyName,
        territoryCode: cell.territoryCode,
        territoryName: cell.territoryName,
        status,
        late: status !== 'published' && pastDeadline,
        stale: isStale(cell, options.asOf),
        lastDate: cell.lastDate,
      };
    })
    .sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || a.territoryCode.localeCompare(b.territoryCode) || a.indicatorId.localeCompare(b.indicatorId));
}

export function cellStatus(cell: BoardCell): CellStatus {
  if (cell.publishedInPeriod) return 'published';
  return cell.awaitingValidation ? 'awaiting' : 'missing';
}

/** Freshness rule of libs/engine: next expected = last date + one period + availability delay. */
export function isStale(cell: Pick<BoardCell, 'lastDate' | 'periodicity' | 'availabilityDelayDays'>, asOf: string): boolean {
  if (!cell.lastDate) return true;
  if (!PERIODICITIES.includes(cell.periodicity as Periodicity)) return false;
  return isOverdue(nextExpectedUpdate({ lastDate: cell.lastDate, periodicity: cell.periodicity as Periodicity, availabilityDelayDays: cell.availabilityDelayDays }), asOf);
}

function emptyCounts(): BoardCounts {
  return { expected: 0, published: 0, awaiting: 0, missing: 0, late: 0, stale: 0, completeness: 100 };
}

function add(counts: BoardCounts, cell: BoardCell, pastDeadline: boolean, asOf: string): void {
  const status = cellStatus(cell);
  counts.expected += 1;
  counts[status] += 1;
  if (status !== 'published' && pastDeadline) counts.late += 1;
  if (isStale(cell, asOf)) counts.stale += 1;
  counts.completeness = Math.round((1000 * counts.published) / counts.expected) / 10;
}

/** The completeness and freshness board of a campaign: pure, from its cells. */
export function buildBoard(cells: readonly BoardCell[], options: { asOf: string; deadline: string }): Board {
  const pastDeadline = options.asOf > options.deadline;
  const totals = emptyCounts();
  const territories = new Map<string, BoardRow>();
  const policies = new Map<string, BoardRow>();
  for (const cell of cells) {
    add(totals, cell, pastDeadline, options.asOf);
    const territory = territories.get(cell.territoryCode) ?? { key: cell.territoryCode, name: cell.territoryName, ...emptyCounts() };
    add(territory, cell, pastDeadline, options.asOf);
    territories.set(cell.territoryCode, territory);
    const policy = policies.get(cell.policyId) ?? { key: cell.policyId, name: cell.policyName, ...emptyCounts() };
    add(policy, cell, pastDeadline, options.asOf);
    policies.set(cell.policyId, policy);
  }
  // Least complete first: what the central team chases.
  const order = (a: BoardRow, b: BoardRow) => a.completeness - b.completeness || a.key.localeCompare(b.key);
  return { totals, byTerritory: [...territories.values()].sort(order), byPolicy: [...policies.values()].sort(order), cells: viewCells(cells, options) };
}
