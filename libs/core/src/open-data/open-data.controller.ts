import { BadRequestException, Controller, Get, Inject, NotFoundException, Param, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Can, indicatorArg, policyArg, Public, territoryArg } from '../access/access.decorators';
import { requestScopes } from '../access/request-scope';
import { KIT_CONTEXT, type KitContext } from '../boot/kit-context';
import { toCsv } from './csv-writer';
import { buildOpenApiDocument } from './openapi-document';
import { selectIndicatorRates, selectPolicyRates, selectValues } from './open-data.queries';

const MAX_LIMIT = 10_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

interface ListQuery { territory?: string; level?: string; from?: string; to?: string; limit?: string; after?: string; format?: string }

/** Only with `?territory=`: without it, nothing is checked against the policy and the rows are filtered by the read scope. */
const withTerritory = (from: (args: Record<string, unknown>) => string | null | undefined) => (args: Record<string, unknown>) => (typeof args.territory === 'string' ? from(args) : null);

/**
 * The same right as the dashboards' GraphQL queries: `read Dashboard`, in the territory asked for,
 * for the indicator's or policy's policy (a right limited to policies, ADR 037, asks for its own).
 */
const ReadDashboard = (of: 'indicator' | 'policy') =>
  Can('read', 'Dashboard', of === 'indicator' ? { territoryFrom: territoryArg('territory'), indicatorFrom: withTerritory(indicatorArg('id')) } : { territoryFrom: territoryArg('territory'), policyFrom: withTerritory(policyArg('id')) });

/**
 * Read-only open data: rates and values per indicator × territory × date, as JSON or CSV. "Open"
 * when the instance's public role may read dashboards; otherwise the same rights and territory
 * scope as GraphQL apply (rows outside the caller's scope are never listed).
 */
@Controller('api/v1')
export class OpenDataController {
  constructor(@Inject(KIT_CONTEXT) private readonly kit: KitContext) {}

  private get db() {
    return this.kit.dataSource.manager;
  }

  @Get('openapi.json')
  @Public('the description of the API (paths and parameters, no data)')
  openapi() {
    return buildOpenApiDocument(this.kit.version, this.kit.instance.config.id);
  }

  @Get('indicators')
  @Can('read', 'Dashboard')
  async indicators() {
    const rows = (await this.db.query(
      `SELECT i.id, i.policy_id, i.name, i.unit, i.direction, i.periodicity, i.source, i.method FROM indicator i JOIN policy p ON p.id = i.policy_id
       WHERE i.status = 'active' AND p.status = 'published' ORDER BY i.position, i.id`,
    )) as Record<string, unknown>[];
    return { data: rows };
  }

  @Get('indicators/:id/rates')
  @ReadDashboard('indicator')
  async indicatorRates(@Param('id') id: string, @Query() query: ListQuery, @Req() req: Request, @Res() res: Response) {
    await this.ensureIndicator(id);
    const q = this.parse(query);
    const rows = await selectIndicatorRates(this.db, { indicatorId: id, ...q }, requestScopes(req).read);
    this.send(res, query.format, rows, (row) => String(row.territory_code));
  }

  @Get('indicators/:id/values')
  @ReadDashboard('indicator')
  async values(@Param('id') id: string, @Query() query: ListQuery, @Req() req: Request, @Res() res: Response) {
    await this.ensureIndicator(id);
    const q = this.parse(query);
    const rows = await selectValues(this.db, { indicatorId: id, ...q }, requestScopes(req).read);
    this.send(res, query.format, rows.map(({ cursor, ...row }) => ({ ...row, _cursor: cursor })), (row) => String(row._cursor));
  }

  @Get('policies/:id/rates')
  @ReadDashboard('policy')
  async policyRates(@Param('id') id: string, @Query() query: ListQuery, @Req() req: Request, @Res() res: Response) {
    const found = (await this.db.query(`SELECT 1 FROM policy WHERE id = $1 AND status = 'published'`, [id])) as unknown[];
    if (!found.length) throw new NotFoundException(`No published policy "${id}".`);
    const rows = await selectPolicyRates(this.db, { policyId: id, ...this.parse(query) }, requestScopes(req).read);
    this.send(res, query.format, rows, (row) => String(row.territory_code));
  }

  private async ensureIndicator(id: string) {
    const found = (await this.db.query(`SELECT 1 FROM indicator i JOIN policy p ON p.id = i.policy_id WHERE i.id = $1 AND p.status = 'published'`, [id])) as unknown[];
    if (!found.length) throw new NotFoundException(`No published indicator "${id}".`);
  }

  private parse(query: ListQuery) {
    const limit = query.limit === undefined ? 1000 : Number(query.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) throw new BadRequestException(`limit must be an integer between 1 and ${MAX_LIMIT}, got "${query.limit}".`);
    for (const key of ['from', 'to'] as const) {
      if (query[key] !== undefined && !DATE.test(query[key])) throw new BadRequestException(`${key} must be a date YYYY-MM-DD, got "${query[key]}".`);
    }
    if (query.format !== undefined && query.format !== 'json' && query.format !== 'csv') throw new BadRequestException(`format must be json or csv, got "${query.format}".`);
    const after = query.after ? Buffer.from(query.after, 'base64url').toString('utf8') : undefined;
    return { territory: query.territory, level: query.level, from: query.from, to: query.to, limit, after };
  }

  private send(res: Response, format: string | undefined, rows: Record<string, unknown>[], cursorOf: (row: Record<string, unknown>) => string) {
    const last = rows.at(-1);
    const next = last ? Buffer.from(cursorOf(last), 'utf8').toString('base64url') : null;
    const data = rows.map(({ _cursor, ...row }) => row);
    if (format === 'csv') {
      if (next) res.setHeader('X-Next-Cursor', next);
      res.type('text/csv; charset=utf-8').send(toCsv(data.length ? Object.keys(data[0]) : [], data));
      return;
    }
    res.json({ data, next });
  }
}
