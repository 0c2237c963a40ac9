import { existsSync } from 'node:fs';
import path from 'node:path';
import type { MapSettings } from '../../common/manifest';

export interface GeometryLocation {
  /** As written in messages: relative to the instance folder. */
  file: string;
  absolute: string;
  exists: boolean;
}

const EXTENSIONS = ['.geojson', '.topojson', '.json'];

/**
 * Where a level's geometry is: the file its settings name, or by convention
 * `<geometryFolder>/<level in lower case>.geojson|.topojson|.json` (first found).
 */
export function locateGeometryFile(instanceDirectory: string, settings: MapSettings, level: string): GeometryLocation {
  const configured = settings.geometry[level]?.file;
  const candidates = configured ? [configured] : EXTENSIONS.map((extension) => path.posix.join(settings.geometryFolder, `${level.toLowerCase()}${extension}`));
  for (const file of candidates) {
    const absolute = path.resolve(instanceDirectory, file);
    if (existsSync(absolute)) return { file, absolute, exists: true };
  }
  return { file: candidates[0], absolute: path.resolve(instanceDirectory, candidates[0]), exists: false };
}
