import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import type { RequestIdentity } from '@pilote/auth';
import { KIT_CONTEXT, type KitContext } from '@pilote/core';
import type { NextFunction, Request, Response } from 'express';

/**
 * `workflow.trustedImports: false`: `POST /api/v1/imports` publishes only for people who may
 * publish values anyway; others get a 409 pointing to `/api/v1/imports/proposals`. Dry runs stay open.
 */
@Injectable()
export class UntrustedImportMiddleware implements NestMiddleware {
  constructor(@Inject(KIT_CONTEXT) private readonly kit: KitContext) {}

  use(req: Request & { identity?: RequestIdentity }, res: Response, next: NextFunction): void {
    const dryRun = req.query.dryRun === 'true' || req.query.dryRun === '1';
    if (this.kit.instance.config.workflow.trustedImports || dryRun || req.identity?.ability.can('publish', 'Measure')) {
      next();
      return;
    }
    res.status(409).json({
      error: 'IMPORT_NEEDS_VALIDATION',
      message: 'This instance does not publish imported values directly (workflow.trustedImports: false): send the file to POST /api/v1/imports/proposals, its values will be validated.',
    });
  }
}
