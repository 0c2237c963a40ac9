import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { CoreModule } from '@pilote/core';
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
});
