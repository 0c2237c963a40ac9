import type { EntityManager } from 'typeorm';
import type { LevelSettings } from '@pilote/core';

export interface IndexedIndicator {
  status: string;
  levels: Record<string, LevelSettings>;
}

/**
 * What a row is checked against: every indicator (with its per-level settings) and every
 * territory code with its level. Territory codes are small strings (~36 000 for all of France),
 * loaded once per import rather than queried per row.
 */
export interface ReferentialIndex {
  indicators: Map<string, IndexedIndicator>;
  territories: Map<string, string>;
  /** Territories the importer may write to (their rights' scope); null = everywhere. */
  writable: Set<string> | null;
}

/** `scopeRoots`: the territories (and everything below) the importer's rights cover; null = all. */
export async function loadReferentialIndex(manager: EntityManager, scopeRoots: string[] | null = null): Promise<ReferentialIndex> {
  const indicators = (await manager.query(`SELECT id, status, level_settings FROM indicator`)) as { id: string; status: string; level_settings: Record<string, LevelSettings> }[];
  const territories = (await manager.query(`SELECT code, level FROM territory WHERE status = 'active'`)) as { code: string; level: string }[];
  const writable = scopeRoots
    ? new Set(
        ((await manager.query(`SELECT DISTINCT territory_code AS code FROM territory_ancestor WHERE ancestor_code = ANY($1::text[])`, [scopeRoots])) as { code: string }[]).map(
          (row) => row.code,
        ),
      )
    : null;
  return {
    indicators: new Map(indicators.map((row) => [row.id, { status: row.status, levels: row.level_settings }])),
    territories: new Map(territories.map((row) => [row.code, row.level])),
    writable,
  };
}
