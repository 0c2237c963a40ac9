import { BadRequestException, Controller, Get, Inject, NotFoundException, Param, Query, Req, Res, UnprocessableEntityException } from '@nestjs/common';
import { Can, KIT_CONTEXT, type KitContext } from '@pilote/module-sdk/server';
import type { Request, Response } from 'express';
import { GeometryFileError } from './area-geometry';
import { GeometryStore } from './geometry.store';
import { territoryExists } from './territories-of-level.sql';

const MAX_CODES = 2000;

/** The instance's territory geometry, projected for the screen: which levels have some, and the areas of one level. */
@Controller('api/v1/modules/map')
export class GeometryController {
  constructor(
    private readonly store: GeometryStore,
    @Inject(KIT_CONTEXT) private readonly kit: KitContext,
  ) {}

  @Get('geometry')
  @Can('read', 'MapGeometry')
  levels() {
    return { levels: this.store.levels().map(({ level, location }) => ({ level, file: location.file, available: location.exists })) };
  }

  @Get('geometry/:level')
  @Can('read', 'MapGeometry')
  async geometry(@Param('level') level: string, @Query('within') within: string | undefined, @Query('codes') codes: string | undefined, @Req() req: Request, @Res() res: Response) {
    if (!this.store.isLevel(level)) {
      throw new NotFoundException(`Unknown level "${level}" (levels of this instance: ${this.kit.instance.config.territoryLevels.map((l) => l.id).join(', ')}).`);
    }
    const location = this.store.location(level);
    if (!location.exists) throw new NotFoundException(`No geometry for level ${level}: put a GeoJSON or TopoJSON file at ${location.file} (see the map module's README).`);
    if (within !== undefined && (typeof within !== 'string' || !(await territoryExists(this.kit.dataSource.manager, within)))) {
      throw new NotFoundException(`within: no territory "${String(within)}".`);
    }
    const codeList = typeof codes === 'string' && codes !== '' ? codes.split(',').map((code) => code.trim()).filter(Boolean) : undefined;
    if (codeList && codeList.length > MAX_CODES) throw new BadRequestException(`codes: at most ${MAX_CODES} territory codes, got ${codeList.length}; use within instead.`);
    let answer: { body: string; etag: string };
    try {
      answer = await this.store.answer(level, { within, codes: codeList });
    } catch (error) {
      if (error instanceof GeometryFileError) throw new UnprocessableEntityException(error.message);
      throw error;
    }
    res.setHeader('ETag', answer.etag);
    res.setHeader('Cache-Control', 'private, no-cache');
    if (req.headers['if-none-match'] === answer.etag) {
      res.status(304).end();
      return;
    }
    res.type('application/json').send(answer.body);
  }
}
