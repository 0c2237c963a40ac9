import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { capDeclaredBodies } from './body-caps';
import { contentSecurityPolicyDirectives } from './content-security-policy';
import type { CostBudgetStore } from './cost-budget-store';
import { limiter } from './rate-limits';
import type { SecuritySettings } from './security-settings';

/**
 * Security headers, CORS and rate limits, before any route (call right after NestFactory.create).
 * Bodies are capped from their Content-Length before anything reads them. Limits count in
 * `limitStore` (limit-store.ts: the database when replicas share it).
 */
export function applySecurity(app: NestExpressApplication, settings: SecuritySettings, limitStore: CostBudgetStore, options: { embedSites?: string[]; moduleOrigins?: string[] } = {}): void {
  if (settings.trustProxy !== false) app.set('trust proxy', settings.trustProxy);
  app.use(capDeclaredBodies(settings));
  const moduleOrigins = options.moduleOrigins ?? [];
  const headers = helmet({ contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicyDirectives({ ...settings, moduleOrigins }) } });
  const withoutCsp = helmet({ contentSecurityPolicy: false });
  // Embed pages (/embed/…) only: the instance's allowed sites may frame them (CSP frame-ancestors;
  // no X-Frame-Options, which cannot list sites). Every other page stays unframeable.
  const embedSites = options.embedSites ?? [];
  const embedHeaders = embedSites.length
    ? helmet({ contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicyDirectives({ ...settings, frameAncestors: embedSites, moduleOrigins }) }, xFrameOptions: false })
    : headers;
  app.use((req: Request, res: Response, next: NextFunction) => {
    // GraphiQL (never in production unless enabled) is a page of CDN scripts: it keeps the other headers.
    const playground = settings.graphiql && req.method === 'GET' && req.path === '/graphql';
    if (playground) return withoutCsp(req, res, next);
    return (req.path.startsWith('/embed/') ? embedHeaders : headers)(req, res, next);
  });
  // Closed unless listed: without CORS headers, browsers refuse cross-origin calls.
  if (settings.corsOrigins.length > 0) app.enableCors({ origin: settings.corsOrigins, credentials: true, maxAge: 600 });
  if (settings.authPer15Minutes > 0) app.use('/auth', limiter({ limit: settings.authPer15Minutes, what: 'sign-in requests', store: limitStore }));
  // The import limit runs after the identity is resolved: see AbuseBudgetsModule.
}
