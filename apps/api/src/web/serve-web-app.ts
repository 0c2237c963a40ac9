import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Express, type Request, type Response } from 'express';
import { cacheControlFor } from './asset-headers';
import { type IndexHtmlFacts, renderIndexHtml, withModulePreloads, withOembedDiscovery } from './index-html';
import { HOME_PAGE_SOURCE, preloadsOf } from './route-preloads';
import { servePrecompressed } from './serve-precompressed';

/** Paths the API answers itself; everything else is the single-page web app. */
const API_PREFIXES = ['/graphql', '/api/', '/health', '/auth/'];

export function findWebDist(): string | undefined {
  const candidates = [installedWebDist(), path.resolve(__dirname, '../../../web/dist'), path.resolve(process.cwd(), 'apps/web/dist')].filter(
    (dir): dir is string => Boolean(dir),
  );
  return candidates.find((dir) => existsSync(path.join(dir, 'index.html')));
}

/** The dist/ of the installed @pilote/web package (an instance outside the repository). */
function installedWebDist(): string | undefined {
  try {
    return path.join(path.dirname(require.resolve('@pilote/web/package.json')), 'dist');
  } catch {
    return undefined;
  }
}

/**
 * Serves the built web app at `/`: hashed assets precompressed and cached for a year, index.html
 * (with the instance's title and colour; at `/`, the home page's chunks preloaded) for client-side
 * routes, revalidated on every visit (ADR 043).
 */
export function serveWebApp(app: Express, webDist = findWebDist(), facts?: IndexHtmlFacts): void {
  if (!webDist) {
    // Middleware, like the built app below: static pages are not API operations (no rights to declare).
    app.use((req, res, next) => {
      if (req.method !== 'GET' || req.path !== '/') return next();
      res.status(503).type('text/plain').send('The web app is not built: run `npx nx run web:build` (npm start does it for you).');
    });
    return;
  }
  const root = path.resolve(webDist);
  const indexHtml = renderIndexHtml(path.join(root, 'index.html'), facts);
  // The home page's chunks are announced at `/`, where most visits start: fetched beside the entry.
  const homeHtml = withModulePreloads(indexHtml, preloadsOf(root, HOME_PAGE_SOURCE));
  const sendIndex = (req: Request, res: Response) => {
    res.setHeader('Cache-Control', 'no-cache');
    const embeddable = facts?.publicSite && (req.path.startsWith('/embed/') || req.path.startsWith('/public/policies/'));
    const html = embeddable ? withOembedDiscovery(indexHtml, `${req.protocol}://${req.get('host') ?? 'localhost'}${req.originalUrl}`, facts.title) : req.path === '/' ? homeHtml : indexHtml;
    res.type('html').send(html);
  };
  // The built file itself is never sent as is: it lacks the instance's title and must not be cached.
  app.use((req, res, next) => (req.method === 'GET' && req.path === '/index.html' ? sendIndex(req, res) : next()));
  app.use(servePrecompressed(root));
  app.use(
    express.static(root, {
      index: false,
      setHeaders: (res, file) => res.setHeader('Cache-Control', cacheControlFor(urlPathOf(root, file))),
    }),
  );
  app.use((req, res, next) => {
    if (req.method !== 'GET' || API_PREFIXES.some((prefix) => req.path.startsWith(prefix))) return next();
    if (path.extname(req.path)) return next();
    sendIndex(req, res);
  });
}

/** `/assets/main-x1.js` for `<root>/assets/main-x1.js.br`: the cache rule is the original's. */
function urlPathOf(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/').replace(/^/, '/').replace(/\.(br|gz)$/, '');
}
