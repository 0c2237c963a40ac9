import { Controller, Get, HttpException, Inject, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { KIT_CONTEXT, type KitContext } from '@pilote/core';
import { AuthError } from '../errors/auth-error';
import { Can } from '../guards/can.decorator';
import type { IdentifiedRequest } from '../guards/request-of';
import { auditCsvHeader, auditCsvRow } from './audit-csv';
import { auditLogWhere, iterateAuditLog } from './audit-log.service';

const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value : null);

/** `GET /api/v1/audit.csv?subjectType=&actorId=&actor=&action=&target=&from=&to=`: the audit trail the caller may read, as CSV. */
@Controller('api/v1')
export class AuditCsvController {
  constructor(@Inject(KIT_CONTEXT) private readonly kit: KitContext) {}

  @Get('audit.csv')
  @Can('read', 'AuditLog')
  async export(@Req() req: IdentifiedRequest, @Res() res: Response, @Query() query: Record<string, unknown>): Promise<void> {
    const filter = { subjectType: text(query.subjectType), actorId: text(query.actorId), actor: text(query.actor), action: text(query.action), target: text(query.target), from: text(query.from), to: text(query.to) };
    try {
      auditLogWhere(req.identity!, filter); // validates the filter before the first byte is sent
    } catch (error) {
      if (error instanceof AuthError) throw new HttpException(error.toJSON(), error.status);
      throw error;
    }
    res.status(200);
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="audit-${new Date().toISOString().slice(0, 10)}.csv"`);
    res.setHeader('cache-control', 'no-store');
    res.write(`\uFEFF${auditCsvHeader()}\r\n`); // BOM: spreadsheets then read UTF-8 accents right
    for await (const batch of iterateAuditLog(this.kit.dataSource.manager, req.identity!, filter)) {
      res.write(batch.map((entry) => `${auditCsvRow(entry)}\r\n`).join(''));
    }
    res.end();
  }
}
