import type { Request } from 'express';
import { ipKeyGenerator } from 'express-rate-limit';

/**
 * Who a request counts against, for every limit and budget: the user the authentication layer
 * resolved (a session or any of their API tokens: one person, one budget), else the client IP.
 * Never the raw header text: `bearer x` and `Bearer x` are the same caller.
 */
export function clientKey(req: Request): string {
  const identity = (req as Request & { identity?: { userId?: string | null } }).identity;
  if (identity?.userId) return `u:${identity.userId}`;
  return `ip:${ipKeyGenerator(req.ip ?? 'unknown')}`;
}
