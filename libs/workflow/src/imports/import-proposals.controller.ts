import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { BadRequestException, Controller, Headers, HttpCode, HttpException, Post, Query, Req, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { Can, type RequestIdentity } from '@pilote/auth';
import { computationLevelOrder, currentAsOf } from '@pilote/core';
import { builtinMappings, type ColumnMapping, parseLanguage, translateIssue } from '@pilote/import';
import type { Request, Response } from 'express';
import { WorkflowRunner } from '../graphql/workflow-runner';
import { checkImportForProposals, proposeImportedValues } from './propose-import';

const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

/**
 * `POST /api/v1/imports/proposals[?dryRun=true]`: the same upload as `POST /api/v1/imports`, but
 * the values become proposals to validate instead of being published (a dry run only checks). 200 with the report and the number of
 * proposals; 422 with located errors (nothing written).
 */
@Controller('api/v1/imports')
export class ImportProposalsController {
  constructor(private readonly runner: WorkflowRunner) {}

  @Post('proposals')
  @HttpCode(200)
  @Can('create', 'Measure')
  @UseInterceptors(FileInterceptor('file', { dest: os.tmpdir(), limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } }))
  async propose(
    @Req() request: Request & { identity?: RequestIdentity },
    @Res({ passthrough: true }) response: Response,
    @UploadedFile() upload: { path: string; originalname: string } | undefined,
    @Query('dryRun') dryRun?: string,
    @Query('mapping') mappingId?: string,
    @Query('fileName') fileName?: string,
    @Query('lang') lang?: string,
    @Headers('accept-language') acceptLanguage?: string,
  ) {
    const mapping = this.mapping(mappingId);
    const spool = mkdtempSync(path.join(os.tmpdir(), 'pilote-proposals-'));
    try {
      let file = upload?.path;
      if (!file) {
        file = path.join(spool, 'upload');
        await pipeline(request, createWriteStream(file));
      }
      const config = this.runner.kit.instance.config;
      if (!request.identity?.userId) throw new HttpException({ error: 'UNAUTHENTICATED', message: 'Sign in (or send an API token) to propose values.' }, 401);
      const report = await checkImportForProposals(this.runner.kit.dataSource, {
        file, fileName: upload?.originalname ?? fileName ?? 'upload', mapping, authorId: request.identity.userId, identity: request.identity, levelOrder: computationLevelOrder(config), asOf: currentAsOf(),
      });
      let proposals = 0;
      const check = dryRun === 'true' || dryRun === '1';
      if (report.status !== 'invalid' && !check) {
        try {
          proposals = await this.runner.run(request.identity, (call) => proposeImportedValues(call, file!, mapping, report));
        } catch (error) {
          const original = (error as { extensions?: { reason?: string; code?: string } }).extensions;
          const status = original?.code === 'FORBIDDEN' ? 403 : original?.code === 'UNAUTHENTICATED' ? 401 : original?.code === 'BAD_USER_INPUT' ? 400 : null;
          if (status) throw new HttpException({ error: original?.reason ?? original?.code, message: (error as Error).message }, status);
          throw error;
        }
      } else response.status(422);
      const language = parseLanguage(lang ?? acceptLanguage);
      const withMessage = <T extends { code: string; params?: Record<string, string | number> }>(issue: T) => ({ ...issue, message: translateIssue(issue, language) });
      return { ...report, status: report.status === 'invalid' ? 'invalid' : check ? 'dry-run' : 'proposed', proposals, errors: report.errors.map(withMessage), warnings: report.warnings.map(withMessage) };
    } finally {
      rmSync(spool, { recursive: true, force: true });
      if (upload?.path) rmSync(upload.path, { force: true });
    }
  }

  private mapping(id: string | undefined): ColumnMapping | undefined {
    if (!id) return undefined;
    const mapping = builtinMappings.find((candidate) => candidate.id === id);
    if (!mapping) throw new BadRequestException(`Unknown mapping "${id}". Known: ${builtinMappings.map((m) => m.id).join(', ')}`);
    return mapping;
  }
}

