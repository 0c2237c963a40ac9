import os from 'node:os';
import { Controller, Headers, HttpCode, HttpException, Post, Query, Req, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { Can, type RequestIdentity } from '@pilote/auth';
import { computationLevelOrder, currentAsOf } from '@pilote/core';
import { findMapping, importMaxBytes, type ImportQuery, isDryRun, translateReport, type UploadedImportFile, withUploadedFile } from '@pilote/import';
import type { Request, Response } from 'express';
import { WorkflowRunner } from '../graphql/workflow-runner';
import { checkImportForProposals, proposeImportedValues } from './propose-import';

const MAX_UPLOAD_BYTES = importMaxBytes();

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
    @UploadedFile() upload: UploadedImportFile | undefined,
    @Query() query: ImportQuery,
    @Headers('accept-language') acceptLanguage?: string,
  ) {
    const mapping = findMapping(query.mapping);
    const identity = request.identity;
    if (!identity?.userId) throw new HttpException({ error: 'UNAUTHENTICATED', message: 'Sign in (or send an API token) to propose values.' }, 401);
    return withUploadedFile(request, upload, query.fileName, async (file, fileName) => {
      const config = this.runner.kit.instance.config;
      const report = await checkImportForProposals(this.runner.kit.dataSource, {
        file, fileName, mapping, authorId: identity.userId, identity, levelOrder: computationLevelOrder(config), asOf: currentAsOf(),
      });
      const check = isDryRun(query);
      let proposals = 0;
      if (report.status === 'invalid') response.status(422);
      else if (!check) proposals = await this.proposeAll(identity, file, mapping, report);
      return { ...translateReport(report, query.lang, acceptLanguage), status: report.status === 'invalid' ? 'invalid' : check ? 'dry-run' : 'proposed', proposals };
    });
  }

  /** Turns the checked file into proposals; a refusal of the workflow becomes the matching HTTP status. */
  private async proposeAll(identity: RequestIdentity, file: string, mapping: Parameters<typeof proposeImportedValues>[2], report: Parameters<typeof proposeImportedValues>[3]): Promise<number> {
    try {
      return await this.runner.run(identity, (call) => proposeImportedValues(call, file, mapping, report));
    } catch (error) {
      const original = (error as { extensions?: { reason?: string; code?: string } }).extensions;
      const status = original?.code === 'FORBIDDEN' ? 403 : original?.code === 'UNAUTHENTICATED' ? 401 : original?.code === 'BAD_USER_INPUT' ? 400 : null;
      if (status) throw new HttpException({ error: original?.reason ?? original?.code, message: (error as Error).message }, status);
      throw error;
    }
  }
}
