import express from 'express';
import request from 'supertest';
import { COMPRESS_ABOVE_BYTES, compressAnswers } from './compress-answers';

const LARGE_CSV = 'code;valeur\n' + 'D13;12,5\n'.repeat(2000);

describe('compressAnswers', () => {
  const app = express();
  app.use(compressAnswers());
  app.use(express.json({ limit: '1kb' }));
  app.get('/small', (_req, res) => res.json({ ok: true }));
  app.get('/export.csv', (_req, res) => res.type('text/csv; charset=utf-8').send(LARGE_CSV));
  app.post('/echo', (req, res) => res.json(req.body as unknown));
  app.get('/progress', (_req, res) => {
    res.status(200).type('application/x-ndjson');
    res.flushHeaders();
    res.write(`${JSON.stringify({ type: 'progress', percent: 50, pad: 'x'.repeat(COMPRESS_ABOVE_BYTES) })}\n`);
    setTimeout(() => res.end(`${JSON.stringify({ type: 'report' })}\n`), 20);
  });
  app.use((error: { status?: number; message: string }, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    res.status(error.status ?? 500).json({ message: error.message });
  });

  it('compresses a large CSV download and says it varies with Accept-Encoding', async () => {
    const response = await request(app).get('/export.csv').set('Accept-Encoding', 'br, gzip');
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers.vary).toMatch(/Accept-Encoding/i);
    expect(response.text).toBe(LARGE_CSV);
  });

  it('leaves an answer under the threshold alone', async () => {
    const response = await request(app).get('/small').set('Accept-Encoding', 'gzip');
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.body).toEqual({ ok: true });
  });

  it('never compresses a progress stream, whose lines must arrive as they are written', async () => {
    const response = await request(app).get('/progress').set('Accept-Encoding', 'gzip, br');
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.text.trim().split('\n').map((line) => (JSON.parse(line) as { type: string }).type)).toEqual(['progress', 'report']);
  });

  it('keeps the body cap: a request over it is refused with 413, whatever the answer encoding', async () => {
    const response = await request(app).post('/echo').set('Accept-Encoding', 'gzip').send({ text: 'x'.repeat(2048) });
    expect(response.status).toBe(413);
  });
});
