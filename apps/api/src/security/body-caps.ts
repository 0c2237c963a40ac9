import type { NextFunction, Request, Response } from 'express';
import { formatBytes } from '@pilote/import';

export interface BodyCaps {
  /** Any request body (PILOTE_MAX_BODY_BYTES, default 1 MB). */
  maxBodyBytes: number;
  /** Import uploads, POST /api/v1/imports… (PILOTE_IMPORT_MAX_BYTES, default 100 MB). */
  importMaxBytes: number;
}

const IMPORT_PATH = /^\/api\/v1\/imports(\/|$)/;

/**
 * Refuses a body longer than its cap from its Content-Length, before one byte of it is read and
 * whatever its content type (413, JSON). Bodies sent without a length are capped where they are
 * read: body-parser's `limit` for JSON, the import spool's byte counter (libs/import upload-limit).
 */
export function capDeclaredBodies(caps: BodyCaps) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const declared = Number(req.headers['content-length'] ?? 0);
    const limit = IMPORT_PATH.test(req.path) ? caps.importMaxBytes : caps.maxBodyBytes;
    if (!(declared > limit)) {
      next();
      return;
    }
    // The unread body stays on the socket: close it after answering rather than read it.
    res.setHeader('connection', 'close');
    res.status(413).json({ error: 'PAYLOAD_TOO_LARGE', message: `The request body (${formatBytes(declared)}) is larger than ${formatBytes(limit)}, the limit of this instance for ${req.path}.` });
  };
}
