export interface TerritoryRecord {
  code: string;
  level: string;
  name: string;
  parentCode: string | null;
  population: number | null;
  inseeCode: string | null;
  /** Every ancestor code, nearest first, the territory itself excluded. */
  ancestors: string[];
}

/** Prefixes of territory codes, as in PILOTE's import format (FRANCE, R84, D2A, …). */
export const TERRITORY_CODE_PREFIX: Record<string, string> = { REG: 'R', DEPT: 'D', EPCI: 'E', COM: 'C' };
export const NATIONAL_CODE = 'FRANCE';
