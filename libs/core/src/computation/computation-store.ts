import type { Explanation } from '@pilote/engine';
import type { SeriesKind, TerritoryNode, TerritorySeries } from './computation.types';

export interface DerivedRow {
  territory: string;
  kind: SeriesKind;
  date: string;
  value: number;
  childCount: number;
  expected: number;
}

export interface StateRow {
  territory: string;
  initial: { value: number; date: string } | null;
  current: { value: number; date: string; provenance?: string } | null;
  annualTarget: { value: number; date: string } | null;
  globalTarget: { value: number; date: string } | null;
  annualRate: number | null;
  globalRate: number | null;
  previousGlobalRate: number | null;
  annualExplanation: Explanation;
  globalExplanation: Explanation;
  currentExplanation: Explanation | null;
}

/**
 * Where the computation reads series and writes its results. The database store serves
 * incremental refreshes (a write, an import); the memory store serves a full first-start seed,
 * where every input is already in memory and results are written in a few large batches.
 */
export interface ComputationStore {
  series(indicatorId: string, territoryCodes: string[]): Promise<Map<string, TerritorySeries>>;
  children(parentCodes: string[]): Promise<Map<string, TerritoryNode[]>>;
  replaceDerived(indicatorId: string, territoryCodes: string[], rows: DerivedRow[]): Promise<void>;
  replaceStates(indicatorId: string, territoryCodes: string[], rows: StateRow[]): Promise<void>;
}
