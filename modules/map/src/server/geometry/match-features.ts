import type { AreaFeature } from './area-geometry';
import type { LevelTerritory } from './territories-of-level.sql';

/**
 * Pairs territories with their feature: a file may key features by the official code (INSEE,
 * SIREN: `13055`) or by the kit's code (`C13055`). The result carries the kit's code.
 */
export function matchFeatures(features: readonly AreaFeature[], territories: readonly LevelTerritory[]): AreaFeature[] {
  const byCode = new Map(features.map((feature) => [feature.code, feature]));
  const matched: AreaFeature[] = [];
  for (const territory of territories) {
    const feature = byCode.get(territory.code) ?? (territory.insee_code ? byCode.get(territory.insee_code) : undefined);
    if (feature) matched.push({ code: territory.code, geometry: feature.geometry });
  }
  return matched;
}

/** Feature codes that name no territory of the level (reported, never fatal). */
export function unknownCodes(features: readonly AreaFeature[], territories: readonly LevelTerritory[]): string[] {
  const known = new Set(territories.flatMap((t) => (t.insee_code ? [t.code, t.insee_code] : [t.code])));
  return features.map((feature) => feature.code).filter((code) => !known.has(code));
}
