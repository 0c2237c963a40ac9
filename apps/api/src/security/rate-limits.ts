import { createHash } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';

const FIFTEEN_MINUTES = 15 * 60 * 1000;

/** A limiter answering 429 with the same JSON shape as the API's other refusals. */
export function limiter(options: { limit: number; what: string; key?: (req: Request) => string }): RequestHandler {
  return rateLimit({
    windowMs: FIFTEEN_MINUTES,
    limit: options.limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: options.key ?? ((req) => ipKeyGenerator(req.ip ?? 'unknown')),
    handler: (_req, res, _next, used) => {
      const retry = Math.ceil((used.windowMs ?? FIFTEEN_MINUTES) / 60000);
      res.status(429).json({ error: 'RATE_LIMITED', message: `Too many ${options.what} from you: at most ${options.limit} per 15 minutes. Try again within ${retry} minutes.` });
    },
  });
}

/** Imports are keyed by the caller's token (or session cookie) when there is one: a shared office IP is not one user. */
export function callerKey(req: Request): string {
  const credential = req.headers.authorization ?? req.headers.cookie;
  return credential ? `c:${createHash('sha256').update(credential).digest('hex').slice(0, 32)}` : ipKeyGenerator(req.ip ?? 'unknown');
}
