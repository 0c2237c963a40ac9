import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { BadRequestException, Controller, Get, Headers, HttpCode, Inject, Post, Query, Req, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { computationLevelOrder, currentAsOf, KIT_CONTEXT, type KitContext } from '@pilote/core';
import type { Request, Response } from 'express';
import type { ColumnMapping } from '../mapping/column-mapping';
import { builtinMappings } from '../mapping/builtin-mappings';
import { listImportBatches } from '../publishing/import-batch';
import type { ImportReport } from '../publishing/import-report.types';
import { runImport } from '../publishing/run-import';
import { parseLanguage, translateIssue } from '../report/translate-issue';

/** Upload limit; the import itself streams, this only bounds the temporary file. */
const MAX_UPLOAD_BYTES = Number(process.env.PILOTE_IMPORT_MAX_BYTES ?? 500 * 1024 * 1024);

/**
 * Whoever the authentication layer put on the request: `identity.userId` (libs/auth's
 * middleware) or a Passport-style `user.id`. Without either, the batch is recorded with no author.
 * Rights on imports (who may publish where) are enforced by that layer, not here.
 */
type MaybeAuthenticated = Request & {
  user?: { id?: string };
  identity?: { userId?: string | null };
  /** Set by the authentication layer: the territories the caller may import into (null = all). */
  importScope?: { territoryRoots: string[] | null };
};

export function authorOf(request: MaybeAuthenticated): string | null {
  return request.identity?.userId ?? request.user?.id ?? null;
}

/**
 * `POST /api/v1/imports?dryRun=true&mapping=barometre&lang=en`: a file as multipart (`file`
 * field) or as the raw body (text/csv, XLSX…). Answers the report as JSON: 200 when the file is
 * valid (dry run or published), 422 when it has errors (nothing written), 400 for a request
 * without a file or with an unknown mapping.
 */
@Controller('api/v1')
export class ImportsController {
  constructor(@Inject(KIT_CONTEXT) private readonly kit: KitContext) {}

  @Post('imports')
  @HttpCode(200)
  @UseInterceptors(FileInterceptor('file', { dest: os.tmpdir(), limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } }))
  async create(
    @Req() request: MaybeAuthenticated,
    @Res({ passthrough: true }) response: Response,
    @UploadedFile() upload: { path: string; originalname: string } | undefined,
    @Query('dryRun') dryRun?: string,
    @Query('mapping') mappingId?: string,
    @Query('fileName') fileName?: string,
    @Query('lang') lang?: string,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<ImportReport & { errors: unknown[]; warnings: unknown[] }> {
    const mapping = this.mapping(mappingId);
    const spool = mkdtempSync(path.join(os.tmpdir(), 'pilote-import-'));
    try {
      let file = upload?.path;
      if (!file) {
        file = path.join(spool, 'upload');
        await pipeline(request, createWriteStream(file));
      }
      const report = await runImport(this.kit.dataSource, {
        file,
        fileName: upload?.originalname ?? fileName ?? 'upload',
        mapping,
        dryRun: dryRun === 'true' || dryRun === '1',
        authorId: authorOf(request),
        levelOrder: computationLevelOrder(this.kit.instance.config),
        asOf: currentAsOf(),
        territoryRoots: request.importScope?.territoryRoots ?? null,
      });
      if (report.status === 'invalid') response.status(422);
      const language = parseLanguage(lang ?? acceptLanguage);
      const withMessage = <T extends { code: string; params?: Record<string, string | number> }>(issue: T) => ({ ...issue, message: translateIssue(issue, language) });
      return { ...report, errors: report.errors.map(withMessage), warnings: report.warnings.map(withMessage) };
    } finally {
      rmSync(spool, { recursive: true, force: true });
      if (upload?.path) rmSync(upload.path, { force: true });
    }
  }

  @Get('imports')
  async list() {
    return { batches: await listImportBatches(this.kit.dataSource.manager) };
  }

  private mapping(id: string | undefined): ColumnMapping | undefined {
    if (!id) return undefined;
    const mapping = builtinMappings.find((candidate) => candidate.id === id);
    if (!mapping) throw new BadRequestException(`Unknown mapping "${id}". Known: ${builtinMappings.map((m) => m.id).join(', ')}`);
    return mapping;
  }
}
