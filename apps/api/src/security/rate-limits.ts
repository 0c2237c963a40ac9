import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { ipKeyGenerator } from 'express-rate-limit';
import type { CostBudgetStore } from './cost-budget-store';

const FIFTEEN_MINUTES = 15 * 60 * 1000;

/**
 * At most `limit` requests per 15 minutes per client (a token bucket of `limit`, refilled over
 * 15 minutes), counted in `store`: memory for one process, the database for replicas. Past it,
 * 429 with the same JSON shape as the API's other refusals and a Retry-After.
 */
export function limiter(options: { limit: number; what: string; store: CostBudgetStore; key?: (req: Request) => string }): RequestHandler {
  const keyOf = options.key ?? ((req: Request) => `ip:${ipKeyGenerator(req.ip ?? 'unknown')}`);
  const limits = { capacity: options.limit, refill: options.limit, windowMs: FIFTEEN_MINUTES };
  return (req: Request, res: Response, next: NextFunction) => {
    options.store.charge(`${options.what}:${keyOf(req)}`, 1, limits).then((charged) => {
      if (charged.ok) return next();
      const seconds = Math.ceil(charged.retryAfterMs / 1000);
      res.setHeader('Retry-After', String(seconds));
      res.status(429).json({ error: 'RATE_LIMITED', message: `Too many ${options.what} from you: at most ${options.limit} per 15 minutes. Try again in ${seconds} s.` });
    }, next);
  };
}
