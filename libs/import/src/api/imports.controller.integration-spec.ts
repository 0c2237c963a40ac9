import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { attachRequestScopes, CoreModule } from '@pilote/core';
import request from 'supertest';
import { VALID_CSV, contextWithReferential, fingerprint, type ImportTestContext } from '../../test/support';
import { ImportModule } from './import.module';

describe('REST imports', () => {
  let context: ImportTestContext;
  let app: INestApplication;

  beforeAll(async () => {
    context = await contextWithReferential();
    const moduleRef = await Test.createTestingModule({ imports: [CoreModule.forRoot(context), ImportModule] }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    // No auth layer here: the scopes it would compute are granted explicitly (unrestricted), since
    // without any the routes refuse (fail closed). Rights themselves are tested in apps/api.
    app.use((req: object, _res: unknown, next: () => void) => {
      attachRequestScopes(req, { read: { territoryRoots: null }, import: { territoryRoots: null } });
      next();
    });
    await app.init();
  });
  afterAll(async () => {
    await app?.close();
    await context?.dispose();
  });

  it('serves the Table Schema of the PILOTE format', async () => {
    const response = await request(app.getHttpServer()).get('/api/v1/schemas/pilote-measures.json').expect(200);
    expect(response.body.fields.map((f: { name: string }) => f.name)).toEqual(['identifiant_indic', 'zone_id', 'zone_nom', 'date_valeur', 'type_valeur', 'valeur']);
  });

  it('answers a dry run of a raw text/csv body with the report and the preview, writing nothing', async () => {
    const before = await fingerprint(context.dataSource);
    const response = await request(app.getHttpServer()).post('/api/v1/imports?dryRun=true&fileName=valeurs.csv').set('content-type', 'text/csv').send(VALID_CSV).expect(200);
    expect(response.body).toMatchObject({ status: 'dry-run', file: { name: 'valeurs.csv' }, counts: { wouldWrite: 10 } });
    expect(response.body.preview.policies.changed).toBeGreaterThan(0);
    expect(await fingerprint(context.dataSource)).toEqual(before);
  });

  it('answers 422 with located, translated errors for a bad multipart upload, and never a 500 for garbage', async () => {
    const bad = `${VALID_CSV}\nIND-A;D29;x;31/02/2023;va;1`;
    const response = await request(app.getHttpServer()).post('/api/v1/imports?lang=en').attach('file', Buffer.from(bad), 'bad.csv').expect(422);
    expect(response.body.errors).toEqual([expect.objectContaining({ code: 'impossibleDate', line: 12, column: 'date_valeur', message: 'This date does not exist in the calendar.' })]);
    const pdf = await request(app.getHttpServer()).post('/api/v1/imports').set('content-type', 'application/pdf').send(Buffer.from('%PDF-1.4 garbage')).expect(422);
    expect(pdf.body.errors[0].message).toContain('PDF');
    await request(app.getHttpServer()).post('/api/v1/imports?mapping=nope').send('x').expect(400);
  });

  it('publishes, records who and what, and lists the batch', async () => {
    const response = await request(app.getHttpServer()).post('/api/v1/imports').attach('file', Buffer.from(VALID_CSV), 'valeurs.csv').expect(200);
    expect(response.body).toMatchObject({ status: 'published', counts: { written: 10 } });
    const list = await request(app.getHttpServer()).get('/api/v1/imports').expect(200);
    expect(list.body.batches).toEqual([expect.objectContaining({ id: response.body.batchId, fileName: 'valeurs.csv', status: 'published', rowsWritten: 10, authorId: null })]);
  });

  const ndjson = (text: string) => text.trim().split('\n').map((line) => JSON.parse(line) as { type: string; phase?: string; percent?: number; httpStatus?: number; report?: { status: string; errors: { code: string; line: number }[] } });

  it('streams progress lines then the report as NDJSON, with the status the plain route would give', async () => {
    const before = await fingerprint(context.dataSource);
    const dry = await request(app.getHttpServer()).post('/api/v1/imports/stream?dryRun=true').attach('file', Buffer.from(VALID_CSV), 'valeurs.csv')
      .buffer(true).parse((res, done) => { let text = ''; res.on('data', (chunk: Buffer) => { text += chunk.toString(); }); res.on('end', () => done(null, text)); }).expect(200);
    expect(dry.headers['content-type']).toContain('application/x-ndjson');
    const lines = ndjson(dry.body as string);
    const last = lines.at(-1)!;
    expect(last).toMatchObject({ type: 'report', httpStatus: 200, report: { status: 'dry-run' } });
    const phases = lines.filter((l) => l.type === 'progress').map((l) => l.phase);
    expect(phases).toContain('computing');
    expect(lines.filter((l) => l.type === 'progress').every((l) => typeof l.percent === 'number' && l.percent >= 0 && l.percent <= 100)).toBe(true);
    expect(await fingerprint(context.dataSource)).toEqual(before);

    const bad = await request(app.getHttpServer()).post('/api/v1/imports/stream?lang=en').attach('file', Buffer.from(`${VALID_CSV}\nIND-A;D29;x;31/02/2023;va;1`), 'bad.csv')
      .buffer(true).parse((res, done) => { let text = ''; res.on('data', (chunk: Buffer) => { text += chunk.toString(); }); res.on('end', () => done(null, text)); }).expect(200);
    expect(ndjson(bad.body as string).at(-1)).toMatchObject({ type: 'report', httpStatus: 422, report: { status: 'invalid', errors: [expect.objectContaining({ code: 'impossibleDate', line: 12 })] } });
    expect(await fingerprint(context.dataSource)).toEqual(before);
    await request(app.getHttpServer()).post('/api/v1/imports/stream?mapping=nope').send('x').expect(400);
  });
});
