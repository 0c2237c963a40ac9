import os from 'node:os';
import { Controller, Get, Headers, HttpCode, Inject, Post, Query, Req, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { Can, computationLevelOrder, currentAsOf, KIT_CONTEXT, type KitContext, requestScopes } from '@pilote/core';
import type { Request, Response } from 'express';
import { listImportBatches } from '../publishing/import-batch';
import type { ImportProgress } from '../publishing/import-report.types';
import { runImport } from '../publishing/run-import';
import { importMaxBytes } from './upload-limit';
import { findMapping, type ImportQuery, isDryRun, type TranslatedReport, translateReport, type UploadedImportFile, withUploadedFile } from './uploaded-file';

const PROGRESS_INTERVAL_MS = 250;

/** Upload limit; the import itself streams, this only bounds the temporary file. */
const MAX_UPLOAD_BYTES = importMaxBytes();

/**
 * Whoever the authentication layer put on the request: `identity.userId` (libs/auth's
 * middleware) or a Passport-style `user.id`. Without either, the batch is recorded with no author.
 * The right (`@Can('import', 'Import')`) is enforced by that layer's guard; the territories the
 * caller may import into come from its typed request scopes (refused when missing).
 */
type MaybeAuthenticated = Request & {
  user?: { id?: string };
  identity?: { userId?: string | null };
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
  @Can('import', 'Import')
  @HttpCode(200)
  @UseInterceptors(FileInterceptor('file', { dest: os.tmpdir(), limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } }))
  async create(
    @Req() request: MaybeAuthenticated,
    @Res({ passthrough: true }) response: Response,
    @UploadedFile() upload: UploadedImportFile | undefined,
    @Query() query: ImportQuery,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<TranslatedReport> {
    const report = await this.importUpload(request, upload, query, acceptLanguage);
    if (report.status === 'invalid') response.status(422);
    return report;
  }

  /**
   * `POST /api/v1/imports/stream` (same parameters): the same import, answered as NDJSON so that a
   * browser can show how far the server is — `{"type":"progress",phase,percent,rows}` lines (at most
   * four a second), then `{"type":"report","httpStatus":200|422,"report":{…}}`. Errors of the request
   * itself (unknown mapping, no rights) are answered before the stream starts, as on /imports.
   */
  @Post('imports/stream')
  @Can('import', 'Import')
  @UseInterceptors(FileInterceptor('file', { dest: os.tmpdir(), limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } }))
  async createWithProgress(
    @Req() request: MaybeAuthenticated,
    @Res() response: Response,
    @UploadedFile() upload: UploadedImportFile | undefined,
    @Query() query: ImportQuery,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<void> {
    findMapping(query.mapping); // a bad request fails with its 400 before any line is sent
    // The body is spooled first: one over the size cap is a plain 413, not a broken stream.
    await withUploadedFile(request, upload, query.fileName, async (file, fileName) => {
      response.status(200).type('application/x-ndjson').setHeader('cache-control', 'no-store');
      response.flushHeaders();
      const line = (value: unknown) => response.write(`${JSON.stringify(value)}\n`);
      let last = 0;
      try {
        const report = await this.importFile(request, file, fileName, query, acceptLanguage, (progress) => {
          const now = Date.now();
          if (now - last < PROGRESS_INTERVAL_MS && progress.phase === 'reading') return;
          last = now;
          line({ type: 'progress', phase: progress.phase, percent: Math.round(progress.percent * 10) / 10, rows: progress.rows });
        });
        line({ type: 'report', httpStatus: report.status === 'invalid' ? 422 : 200, report });
      } catch (error) {
        // Headers are gone: the failure becomes the last line (nothing was written, the import is one transaction).
        line({ type: 'error', message: error instanceof Error && 'getStatus' in error ? error.message : 'The import failed; nothing was written. Try again, or ask the instance administrator to read the server log.' });
        if (!(error instanceof Error && 'getStatus' in error)) console.error(error);
      } finally {
        response.end();
      }
    });
  }

  /** Runs the import on the uploaded file and translates the report's messages. */
  private importUpload(request: MaybeAuthenticated, upload: UploadedImportFile | undefined, query: ImportQuery, acceptLanguage: string | undefined): Promise<TranslatedReport> {
    findMapping(query.mapping);
    return withUploadedFile(request, upload, query.fileName, (file, fileName) => this.importFile(request, file, fileName, query, acceptLanguage));
  }

  private async importFile(
    request: MaybeAuthenticated,
    file: string,
    fileName: string,
    query: ImportQuery,
    acceptLanguage: string | undefined,
    onProgress?: (progress: ImportProgress) => void,
  ): Promise<TranslatedReport> {
    const report = await runImport(this.kit.dataSource, {
      file,
      fileName,
      mapping: findMapping(query.mapping),
      dryRun: isDryRun(query),
      authorId: authorOf(request),
      levelOrder: computationLevelOrder(this.kit.instance.config),
      asOf: currentAsOf(),
      territoryRoots: requestScopes(request).import.territoryRoots,
      onProgress,
    });
    return translateReport(report, query.lang, acceptLanguage);
  }

  /** The latest import batches the caller may see: all of them with an unconditioned import right, else its own and those wholly inside its territories. */
  @Get('imports')
  @Can('import', 'Import')
  async list(@Req() request: MaybeAuthenticated) {
    return { batches: await listImportBatches(this.kit.dataSource.manager, { territoryRoots: requestScopes(request).import.territoryRoots, authorId: authorOf(request) }) };
  }
}
