import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';

/** Paths the API answers itself; everything else is the single-page web app. */
const API_PREFIXES = ['/graphql', '/api/', '/health', '/auth/'];

export function findWebDist(): string | undefined {
  const candidates = [path.resolve(__dirname, '../../../web/dist'), path.resolve(process.cwd(), 'apps/web/dist')];
  return candidates.find((dir) => existsSync(path.join(dir, 'index.html')));
}

/** Serves the built web app at `/`, with index.html for client-side routes. */
export function serveWebApp(app: Express, webDist = findWebDist()): void {
  if (!webDist) {
    app.get('/', (_req, res) => {
      res.status(503).type('text/plain').send('The web app is not built: run `npx nx run web:build` (npm start does it for you).');
    });
    return;
  }
  app.use(express.static(webDist, { index: false, maxAge: '1h', immutable: false }));
  const indexFile = path.join(webDist, 'index.html');
  app.use((req, res, next) => {
    if (req.method !== 'GET' || API_PREFIXES.some((prefix) => req.path.startsWith(prefix))) return next();
    if (path.extname(req.path)) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(indexFile);
  });
}
