import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import type { RequestIdentity } from '@pilote/auth';
import { KIT_CONTEXT, type KitContext } from '@pilote/core';
import type { NextFunction, Request, Response } from 'express';
import { importPublishesDirectly } from '../policy/workflow-policy';

/**
 * `workflow.publishByImport: 'publishers'` (the default): `POST /api/v1/imports` publishes only for
 * people who may publish values anyway; others get a 409 pointing to `/api/v1/imports/proposals`.
 * Dry runs stay open. `'importers'`: anyone the import right lets in publishes.
 */
@Injectable()
export class UntrustedImportMiddleware implements NestMiddleware {
  constructor(@Inject(KIT_CONTEXT) private readonly kit: KitContext) {}

  use(req: Request & { identity?: RequestIdentity }, res: Response, next: NextFunction): void {
    const dryRun = req.query.dryRun === 'true' || req.query.dryRun === '1';
    if (dryRun || importPublishesDirectly(this.kit.instance.config.workflow, req.identity?.ability.can('publish', 'Measure') ?? false)) {
      next();
      return;
    }
    res.status(409).json({
      error: 'IMPORT_NEEDS_VALIDATION',
      message: 'On this instance only roles that may publish values publish them by import (workflow.publishByImport): send the file to POST /api/v1/imports/proposals, its values will be validated.',
    });
  }
}
