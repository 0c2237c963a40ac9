import type { Direction } from '@pilote/engine';
import type { LevelSettings } from '../referential/referential.schema';

export type SeriesKind = 'VI' | 'VA' | 'VC';
export const SERIES_KINDS: SeriesKind[] = ['VI', 'VA', 'VC'];

export interface IndicatorMeta {
  id: string;
  policyId: string;
  name: string;
  direction: Direction;
  unit: string;
  periodicity: string;
  levels: Record<string, LevelSettings>;
  /** PILOTE's zone group: the territories (with those below them) where it applies; absent or null: everywhere */
  applicableIn?: string[] | null;
}

export interface SeriesPoint {
  date: string;
  value: number;
  provenance: string;
}

/** Series of one indicator in one territory, per kind. */
export type TerritorySeries = Record<SeriesKind, SeriesPoint[]>;

export interface TerritoryNode {
  code: string;
  level: string;
  population: number | null;
}

export const emptySeries = (): TerritorySeries => ({ VI: [], VA: [], VC: [] });
