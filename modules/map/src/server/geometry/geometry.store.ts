import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { KIT_CONTEXT, type KitContext } from '@pilote/module-sdk/server';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { MapSettings } from '../../common/manifest';
import { type GeometryFile, GeometryFileError } from './area-geometry';
import { locateGeometryFile, type GeometryLocation } from './locate-geometry-file';
import { matchFeatures, unknownCodes } from './match-features';
import { parseGeometryFile } from './parse-geometry-file';
import { projectAreas, type ProjectedAreas } from './project-areas';
import { selectLevelTerritories } from './territories-of-level.sql';

export const MAP_SETTINGS = Symbol('MAP_SETTINGS');

/** What GET …/geometry/:level answers. */
export interface GeometryAnswer extends ProjectedAreas {
  level: string;
  file: string;
  note: string | null;
  /** Features of the file whose code is no territory of this instance (never drawn). */
  unknownCodes: number;
}

const ANSWER_CACHE_SIZE = 64;

/**
 * The instance's geometry files, read once (first request, or in the background at start) and
 * kept in memory; answers are projected per request and the last ones are kept with their ETag.
 */
@Injectable()
export class GeometryStore implements OnApplicationBootstrap {
  private readonly logger = new Logger('map');
  private readonly files = new Map<string, Promise<GeometryFile>>();
  private readonly unknown = new Map<string, Promise<string[]>>();
  private readonly answers = new Map<string, { body: string; etag: string }>();

  constructor(
    @Inject(KIT_CONTEXT) private readonly kit: KitContext,
    @Inject(MAP_SETTINGS) private readonly settings: MapSettings,
  ) {}

  /** Reads the files at start without delaying it, so that a broken file is reported in the log at once. */
  onApplicationBootstrap(): void {
    for (const { level, location } of this.levels()) {
      if (!location.exists) continue;
      this.logger.log(`Geometry of level ${level}: ${location.file}`);
      this.load(level).catch(() => undefined);
    }
  }

  levels(): { level: string; location: GeometryLocation }[] {
    return this.kit.instance.config.territoryLevels.map(({ id }) => ({ level: id, location: locateGeometryFile(this.kit.instance.directory, this.settings, id) }));
  }

  isLevel(level: string): boolean {
    return this.kit.instance.config.territoryLevels.some((l) => l.id === level);
  }

  location(level: string): GeometryLocation {
    return locateGeometryFile(this.kit.instance.directory, this.settings, level);
  }

  /** The parsed file of a level; a bad file rejects with a GeometryFileError (logged once). */
  load(level: string): Promise<GeometryFile> {
    let file = this.files.get(level);
    if (!file) {
      file = this.read(level);
      file.catch((error: unknown) => this.logger.error(error instanceof Error ? error.message : String(error)));
      this.files.set(level, file);
    }
    return file;
  }

  /** The projected areas of the level's territories within `within` and/or among `codes`, as JSON with its ETag. */
  async answer(level: string, filter: { within?: string; codes?: string[] }): Promise<{ body: string; etag: string }> {
    const file = await this.load(level);
    const unknown = await this.unknownCodes(level, file);
    const territories = await selectLevelTerritories(this.kit.dataSource.manager, level, filter);
    const key = `${level}\n${territories.map((t) => t.code).join(',')}`;
    const cached = this.answers.get(key);
    if (cached) return cached;
    const answer: GeometryAnswer = { level, file: file.file, note: file.note, unknownCodes: unknown.length, ...projectAreas(matchFeatures(file.features, territories)) };
    const body = JSON.stringify(answer);
    const entry = { body, etag: `"${createHash('sha1').update(body).digest('base64url')}"` };
    if (this.answers.size >= ANSWER_CACHE_SIZE) this.answers.delete(this.answers.keys().next().value as string);
    this.answers.set(key, entry);
    return entry;
  }

  private async read(level: string): Promise<GeometryFile> {
    const location = this.location(level);
    let text: string;
    try {
      text = await readFile(location.absolute, 'utf8');
    } catch (error) {
      throw new GeometryFileError(`${location.file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`);
    }
    const settings = this.settings.geometry[level];
    const file = parseGeometryFile(text, { file: location.file, level, codeProperty: settings?.codeProperty, object: settings?.object });
    this.logger.log(`${location.file}: ${file.features.length} territories of level ${level}`);
    return file;
  }

  private unknownCodes(level: string, file: GeometryFile): Promise<string[]> {
    let codes = this.unknown.get(level);
    if (!codes) {
      codes = selectLevelTerritories(this.kit.dataSource.manager, level).then((territories) => {
        const unknown = unknownCodes(file.features, territories);
        if (unknown.length > 0) {
          this.logger.warn(`${file.file}: ${unknown.length} of ${file.features.length} features have a code that is no ${level} territory of this instance (${unknown.slice(0, 5).join(', ')}${unknown.length > 5 ? ', …' : ''}); they are not drawn.`);
        }
        return unknown;
      });
      codes.catch(() => this.unknown.delete(level));
      this.unknown.set(level, codes);
    }
    return codes;
  }
}
