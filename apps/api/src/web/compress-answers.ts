import compression from 'compression';
import type { Request, Response } from 'express';

/** Below this size the headers and the CPU cost more than the bytes saved. */
export const COMPRESS_ABOVE_BYTES = 1024;

/** Streams read line by line as they arrive (import progress): compressing would hold lines back. */
const STREAMED_TYPES = /^(application\/x-ndjson|text\/event-stream)/;

/**
 * GraphQL and REST answers compressed (brotli or gzip, as the client accepts) above a size.
 * Web assets are not compressed here: the build wrote them compressed (servePrecompressed), and
 * an answer that already has a Content-Encoding is left alone.
 */
export function compressAnswers() {
  return compression({
    threshold: COMPRESS_ABOVE_BYTES,
    filter: (req: Request, res: Response) => {
      const type = String(res.getHeader('Content-Type') ?? '');
      if (STREAMED_TYPES.test(type)) return false;
      return compression.filter(req, res);
    },
  });
}
