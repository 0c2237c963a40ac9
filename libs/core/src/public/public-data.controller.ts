import { BadRequestException, Controller, Get, Inject, NotFoundException, Param, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Public } from '../access/access.decorators';
import { KIT_CONTEXT, type KitContext } from '../boot/kit-context';
import { NotPublicError, PublicReadModel, publicScopeOf } from './public-read-model';
import { dcatCatalogue } from './public-catalogue';
import { encodeTable, type FileFormat, listSnapshots, publicFileNames, readSnapshot } from './public-snapshot';
import { TABLE_SCHEMAS, type TableName } from './table-schemas';

const REASON = 'public open data of the baromètre: what pilote.config publicSite lists, read by the public read model';

/** What each file format is sent as (Parquet's media type as registered with IANA in 2024). */
const MEDIA_TYPE: Record<FileFormat, string> = { csv: 'text/csv; charset=utf-8', parquet: 'application/vnd.apache.parquet' };

interface FileQuery { territory?: string; level?: string; format?: string }

/**
 * Open-data files of the public baromètre (ADR 038): CSV, Parquet (or JSON) of published values and rates,
 * aggregated values included and marked, each with its Table Schema. Anonymous by design, and
 * only what the public read model answers: an instance without a public site answers 404.
 */
@Controller('api/v1/public')
export class PublicDataController {
  constructor(@Inject(KIT_CONTEXT) private readonly kit: KitContext) {}

  private get model() {
    return new PublicReadModel(this.kit.dataSource.manager, publicScopeOf(this.kit.instance.config));
  }

  @Get('schemas/:table')
  @Public(REASON)
  schema(@Param('table') table: string) {
    const name = table.replace(/\.json$/, '');
    if (!(name in TABLE_SCHEMAS)) throw new NotFoundException({ error: 'NOT_FOUND', message: `No table schema "${table}"; there are: ${Object.keys(TABLE_SCHEMAS).join(', ')}.` });
    if (!this.kit.instance.config.publicSite.enabled) throw notPublic(new NotPublicError('The public site'));
    return TABLE_SCHEMAS[name as TableName];
  }

  @Get('catalogue.json')
  @Public(REASON)
  async catalogue(@Req() req: Request, @Res() res: Response) {
    let content: Awaited<ReturnType<PublicReadModel['catalogue']>>;
    try {
      content = await this.model.catalogue();
    } catch (error) {
      throw error instanceof NotPublicError ? notPublic(error) : error;
    }
    const base = `${req.protocol}://${req.get('host') ?? 'localhost'}`;
    res.type('application/ld+json; charset=utf-8').send(JSON.stringify(dcatCatalogue(this.kit.instance.config, base, content)));
  }

  @Get('snapshots')
  @Public(REASON)
  async snapshots() {
    this.ensureEnabled();
    const current = await this.currentFiles();
    // Only files still public: a policy or indicator taken off the site takes its past copies with it.
    return { data: (await listSnapshots(this.kit.dataSource.manager)).filter((row) => current.has(row.file)) };
  }

  @Get('snapshots/:date/:file')
  @Public(REASON)
  async snapshot(@Param('date') date: string, @Param('file') file: string, @Res() res: Response) {
    this.ensureEnabled();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new BadRequestException({ error: 'BAD_PARAMETER', message: `date must be YYYY-MM-DD, got "${date}".` });
    const content = (await this.currentFiles()).has(file) ? await readSnapshot(this.kit.dataSource.manager, date, file) : null;
    if (!content) throw new NotFoundException({ error: 'NOT_FOUND', message: `No snapshot file "${file}" on ${date}: GET /api/v1/public/snapshots lists them.` });
    res.setHeader('Content-Disposition', `attachment; filename="${date}-${file.replace(/[^A-Za-z0-9._-]/g, '_')}"`);
    res.type(MEDIA_TYPE[file.endsWith('.parquet') ? 'parquet' : 'csv']).send(content);
  }

  private async currentFiles(): Promise<Set<string>> {
    return publicFileNames(this.model);
  }

  private ensureEnabled() {
    if (!this.kit.instance.config.publicSite.enabled) throw notPublic(new NotPublicError('The public site'));
  }

  @Get('indicators/:id/values')
  @Public(REASON)
  async values(@Param('id') id: string, @Query() query: FileQuery, @Res() res: Response) {
    const format = this.format(query);
    await this.answer(res, format, 'values', `${id}-values`, () => this.model.values(id, query));
  }

  @Get('indicators/:id/rates')
  @Public(REASON)
  async indicatorRates(@Param('id') id: string, @Query() query: FileQuery, @Res() res: Response) {
    const format = this.format(query);
    await this.answer(res, format, 'indicator-rates', `${id}-rates`, () => this.model.indicatorRates(id, query));
  }

  @Get('policies/:id/rates')
  @Public(REASON)
  async policyRates(@Param('id') id: string, @Query() query: FileQuery, @Res() res: Response) {
    const format = this.format(query);
    await this.answer(res, format, 'policy-rates', `${id}-rates`, () => this.model.policyRates(id, query));
  }

  private format(query: FileQuery): FileFormat | 'json' {
    if (query.format !== undefined && query.format !== 'json' && query.format !== 'csv' && query.format !== 'parquet') {
      throw new BadRequestException({ error: 'BAD_PARAMETER', message: `format must be csv, parquet or json, got "${typeof query.format === 'string' ? query.format : 'several values'}".` });
    }
    for (const key of ['territory', 'level'] as const) {
      if (query[key] !== undefined && typeof query[key] !== 'string') throw new BadRequestException({ error: 'BAD_PARAMETER', message: `${key} must be given once.` });
    }
    return query.format ?? 'csv';
  }

  private async answer(res: Response, format: FileFormat | 'json', table: TableName, fileName: string, read: () => Promise<object[]>) {
    let rows: object[];
    try {
      rows = await read();
    } catch (error) {
      throw error instanceof NotPublicError ? notPublic(error) : error;
    }
    const schemaUrl = `/api/v1/public/schemas/${table}.json`;
    // The schema of the file, for tools that follow links (RFC 8288 "describedby").
    res.setHeader('Link', `<${schemaUrl}>; rel="describedby"; type="application/json"`);
    if (format === 'json') {
      res.json({ schema: schemaUrl, data: rows });
      return;
    }
    const safeName = fileName.replace(/[^A-Za-z0-9._-]/g, '_');
    res.setHeader('Content-Disposition', `attachment; filename="${safeName}.${format}"`);
    res.type(MEDIA_TYPE[format]).send(await encodeTable(format, table, rows));
  }
}

function notPublic(error: NotPublicError): NotFoundException {
  return new NotFoundException({ error: 'NOT_PUBLIC', message: error.message });
}
