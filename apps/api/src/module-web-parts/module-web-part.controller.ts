import { createReadStream } from 'node:fs';
import { Controller, Get, Inject, NotFoundException, Param, Res } from '@nestjs/common';
import { Public } from '@pilote/core';
import type { Response } from 'express';
import { ModuleWebParts } from './module-web-parts';

/**
 * `GET /module-web/<id>/<hash>.js`: the pre-built web part of an enabled module (ADR 029). Cached for
 * a year when the hash is the current one (its URL changes with its content), else revalidated.
 */
@Controller('module-web')
export class ModuleWebPartController {
  constructor(@Inject(ModuleWebParts) private readonly parts: ModuleWebParts) {}

  @Get(':id/:file')
  @Public('the browser code of the modules this instance enables, the same for every visitor; no data')
  serve(@Param('id') id: string, @Param('file') file: string, @Res() res: Response): void {
    const part = this.parts.get(id);
    if (!part) throw new NotFoundException(`Module "${id}" has no pre-built web part in this instance: it is not enabled in pilote.config.ts, or its package has no dist/web/index.js (build it with npm run build in the module).`);
    const current = file === `${part.hash}.js`;
    res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
    res.setHeader('Cache-Control', current ? 'public, max-age=31536000, immutable' : 'no-cache');
    res.setHeader('Content-Length', String(part.bytes));
    createReadStream(part.file).pipe(res);
  }
}
