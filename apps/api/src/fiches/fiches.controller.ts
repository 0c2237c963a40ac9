import { Controller, Get, HttpException, Inject, Param, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AuthError, Can, type RequestIdentity, SignedIn } from '@pilote/auth';
import { KIT_CONTEXT, type KitContext } from '@pilote/core';
import { readBatchFiles, readFicheBatch } from './fiche-batch.store';
import { FicheError } from './fiche-renderer';
import { type FicheTarget, FichesService } from './fiches.service';
import { storeZip } from './store-zip';

type FicheRequest = Request & { identity?: RequestIdentity; cookies?: Record<string, string> };

/** `P-1.pdf` → `P-1`; anything else names nothing (the guard then checks no policy, and the route answers 404). */
const withoutPdf = (file: unknown): string | null => (typeof file === 'string' && file.endsWith('.pdf') && file.length > 4 ? file.slice(0, -4) : null);
const fileArg = (args: Record<string, unknown>) => withoutPdf(args.file);
const territoryQuery = (args: Record<string, unknown>) => (typeof args.territory === 'string' ? args.territory : null);

/**
 * PDF fiches (ADR 046): `GET /api/v1/fiches/policy/<id>.pdf?territory=&asOf=&lang=` (fiche
 * conducteur), `GET /api/v1/fiches/territory/<code>.pdf?asOf=&lang=` (fiche territoriale), and a
 * batch's zip, `GET /api/v1/fiches/batches/<id>.zip`, for its owner.
 */
@Controller('api/v1/fiches')
export class FichesController {
  constructor(
    @Inject(KIT_CONTEXT) private readonly kit: KitContext,
    private readonly fiches: FichesService,
  ) {}

  @Get('policy/:file')
  @Can('read', 'Dashboard', { policyFrom: fileArg, territoryFrom: territoryQuery })
  async policy(@Req() req: FicheRequest, @Res() res: Response, @Param('file') file: string, @Query() query: Record<string, unknown>): Promise<void> {
    const id = withoutPdf(file);
    const territory = typeof query.territory === 'string' ? query.territory.trim() : '';
    if (!id) return this.refuse(res, 404, 'FICHE_NOT_FOUND', 'A fiche is asked as <policy id>.pdf.');
    if (!territory) return this.refuse(res, 400, 'TERRITORY_REQUIRED', 'territory: the code of the territory the fiche is about is required (?territory=).');
    await this.send(req, res, { kind: 'policy', id, territory, ...this.common(query) }, `fiche-${id}-${territory}.pdf`);
  }

  @Get('territory/:file')
  @Can('read', 'Dashboard', { territoryFrom: fileArg, policyCells: true })
  async territory(@Req() req: FicheRequest, @Res() res: Response, @Param('file') file: string, @Query() query: Record<string, unknown>): Promise<void> {
    const code = withoutPdf(file);
    if (!code) return this.refuse(res, 404, 'FICHE_NOT_FOUND', 'A fiche is asked as <territory code>.pdf.');
    await this.send(req, res, { kind: 'territory', id: code, ...this.common(query) }, `fiche-${code}.pdf`);
  }

  @Get('batches/:file')
  @SignedIn('a batch is read by its owner only: the route checks the owner')
  async batch(@Req() req: FicheRequest, @Res() res: Response, @Param('file') file: string): Promise<void> {
    const id = typeof file === 'string' && file.endsWith('.zip') ? file.slice(0, -4) : '';
    const db = this.kit.dataSource.manager;
    const batch = await readFicheBatch(db, id);
    // Someone else's batch is answered as unknown: its existence is not theirs to learn.
    if (!batch || batch.ownerId !== req.identity?.userId) return this.refuse(res, 404, 'FICHE_BATCH_NOT_FOUND', `No fiche batch "${id}" of yours.`);
    const files = await readBatchFiles(db, batch.id);
    const zip = storeZip(files.map((f) => ({ name: `fiche-${batch.policyId}-${f.code}.pdf`.replace(/[^A-Za-z0-9._-]/g, '_'), data: f.pdf })));
    res.status(200).setHeader('content-type', 'application/zip');
    res.setHeader('content-disposition', `attachment; filename="fiches-${batch.policyId.replace(/[^A-Za-z0-9._-]/g, '_')}-${batch.level}.zip"`);
    res.setHeader('cache-control', 'private, no-store');
    res.end(zip);
  }

  private common(query: Record<string, unknown>): Pick<FicheTarget, 'asOf' | 'lang'> {
    const config = this.kit.instance.config;
    const lang = typeof query.lang === 'string' && (config.locales as string[]).includes(query.lang) ? query.lang : config.defaultLocale;
    const asOf = typeof query.asOf === 'string' && query.asOf ? query.asOf : null;
    if (asOf !== null && !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new HttpException({ error: 'AS_OF_INVALID', field: 'asOf', message: 'asOf must be a date YYYY-MM-DD.' }, 400);
    return { asOf, lang };
  }

  private async send(req: FicheRequest, res: Response, target: FicheTarget, filename: string): Promise<void> {
    let credentials;
    try {
      credentials = this.fiches.credentialsOf(req);
    } catch (error) {
      if (error instanceof AuthError) throw new HttpException(error.toJSON(), error.status);
      throw error;
    }
    try {
      const fiche = await this.fiches.render(target, credentials);
      res.status(200).setHeader('content-type', 'application/pdf');
      res.setHeader('content-disposition', `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`);
      res.setHeader('cache-control', 'private, no-store');
      res.setHeader('x-pdf-pages', String(fiche.pages));
      res.end(fiche.pdf);
    } catch (error) {
      if (!(error instanceof FicheError)) throw error;
      this.refuse(res, error.status, error.code, error.message);
    }
  }

  private refuse(res: Response, status: number, code: string, message: string): void {
    res.status(status).setHeader('cache-control', 'no-store');
    if (status === 503) res.setHeader('retry-after', '3600');
    res.json({ error: code, message });
  }
}
