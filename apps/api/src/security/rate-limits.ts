import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit, type Store } from 'express-rate-limit';

const FIFTEEN_MINUTES = 15 * 60 * 1000;

/**
 * A limiter answering 429 with the same JSON shape as the API's other refusals. `store`: where
 * counts live (express-rate-limit's memory store by default: per replica; a shared one can be given).
 */
export function limiter(options: { limit: number; what: string; key?: (req: Request) => string; store?: Store }): RequestHandler {
  return rateLimit({
    windowMs: FIFTEEN_MINUTES,
    limit: options.limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: options.key ?? ((req) => ipKeyGenerator(req.ip ?? 'unknown')),
    ...(options.store ? { store: options.store } : {}),
    handler: (_req, res, _next, used) => {
      const retry = Math.ceil((used.windowMs ?? FIFTEEN_MINUTES) / 60000);
      res.status(429).json({ error: 'RATE_LIMITED', message: `Too many ${options.what} from you: at most ${options.limit} per 15 minutes. Try again within ${retry} minutes.` });
    },
  });
}
