import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { KIT_CONTEXT, type KitContext, type LiveSettings, readDataRevision } from '@pilote/module-sdk/server';
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
  /** The file's source and licence line (shown under the map as its credit). */
  credit: string | null;
  /** Features of the file whose code is no territory of this instance (never drawn). */
  unknownCodes: number;
}

const ANSWER_CACHE_SIZE = 64;

/**
 * The instance's geometry files, read once (first request, or in the background at start) and
 * kept in memory; answers are projected per request and the last ones are kept with their ETag.
 * What is kept follows the rest of the deployment: a change of the module's settings (made on any
 * replica) drops everything read with the old ones, and the codes of the file that match no
 * territory are recounted when the data revision says territories may have changed.
 */
@Injectable()
export class GeometryStore implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('map');
  private readonly files = new Map<string, Promise<GeometryFile>>();
  private readonly unknown = new Map<string, { revision: string; codes: Promise<string[]> }>();
  private readonly answers = new Map<string, { body: string; etag: string }>();
  private readonly stopFollowing: () => void;
  /** Incremented when the settings change, so an answer computed meanwhile with the old file is not kept under a new key. */
  private generation = 0;

  constructor(
    @Inject(KIT_CONTEXT) private readonly kit: KitContext,
    @Inject(MAP_SETTINGS) private readonly live: LiveSettings<MapSettings>,
  ) {
    this.stopFollowing = live.onChange(() => {
      this.generation += 1;
      this.files.clear();
      this.unknown.clear();
      this.answers.clear();
      this.logger.log('Settings changed: geometry files will be read again.');
    });
  }

  private get settings(): MapSettings {
    return this.live.current();
  }

  onModuleDestroy(): void {
    this.stopFollowing();
  }

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
    const generation = this.generation;
    const file = await this.load(level);
    const unknown = await this.unknownCodes(level, file);
    const territories = await selectLevelTerritories(this.kit.dataSource.manager, level, filter);
    // The settings (their generation), the territories and the count of unknown codes make the answer.
    const key = `${generation}\n${level}\n${unknown.length}\n${territories.map((t) => `${t.code}:${t.insee_code ?? ''}`).join(',')}`;
    const cached = this.answers.get(key);
    if (cached) return cached;
    const answer: GeometryAnswer = { level, file: file.file, note: file.note, credit: file.credit, unknownCodes: unknown.length, ...projectAreas(matchFeatures(file.features, territories)) };
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

  private async unknownCodes(level: string, file: GeometryFile): Promise<string[]> {
    // Territories are written by imports on any process: recount when the data revision moved
    // (one indexed read of the level's codes after a write, not at every request).
    const revision = await readDataRevision(this.kit.dataSource.manager);
    const kept = this.unknown.get(level);
    if (kept && kept.revision === revision) return kept.codes;
    const codes = selectLevelTerritories(this.kit.dataSource.manager, level).then(async (territories) => {
      const unknown = unknownCodes(file.features, territories);
      const before = kept ? await kept.codes.catch(() => null) : null;
      if (unknown.length > 0 && unknown.length !== before?.length) {
        this.logger.warn(`${file.file}: ${unknown.length} of ${file.features.length} features have a code that is no ${level} territory of this instance (${unknown.slice(0, 5).join(', ')}${unknown.length > 5 ? ', …' : ''}); they are not drawn.`);
      }
      return unknown;
    });
    const entry = { revision, codes };
    codes.catch(() => {
      if (this.unknown.get(level) === entry) this.unknown.delete(level);
    });
    this.unknown.set(level, entry);
    return codes;
  }
}
