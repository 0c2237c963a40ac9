import type { NextFunction, Request, Response } from 'express';
import { type KitContext, rememberWrite } from '@pilote/core';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * With a read replica: a REST request that may have written (not GET/HEAD/OPTIONS) and succeeded
 * answers with the primary's write position (read-your-writes, ADR 034). The answer's end waits
 * for that one query; an answer already streaming (import progress) is left as it is. GraphQL
 * mutations are handled by read-your-writes.plugin.ts.
 */
export function rememberRestWrites(kit: KitContext) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!kit.readReplica || READS.has(req.method) || req.path === '/graphql') return next();
    const end = res.end.bind(res) as (...args: unknown[]) => Response;
    res.end = ((...args: unknown[]) => {
      if (res.headersSent || res.statusCode >= 400) return end(...args);
      void rememberWrite(kit, res)
        .catch(() => undefined)
        .finally(() => end(...args));
      return res;
    }) as Response['end'];
    next();
  };
}
