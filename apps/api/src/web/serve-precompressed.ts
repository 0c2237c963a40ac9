import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { NextFunction, Request, Response } from 'express';

/** Encodings the build writes beside each asset, in order of preference. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

/**
 * Before express.static: when the browser accepts an encoding the build wrote (`main-x1.js.br`),
 * the request is pointed at that file with its Content-Encoding and the original's type, so no
 * asset is compressed at request time. Answers vary with Accept-Encoding.
 */
export function servePrecompressed(webDist: string) {
  const root = path.resolve(webDist);
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const file = path.join(root, decodePath(req.path));
    if (!file.startsWith(root + path.sep) || !isFile(file)) return next();
    res.vary('Accept-Encoding');
    // Our order of preference, not the header's: browsers list gzip first but all prefer brotli's size.
    const chosen = ENCODINGS.find((encoding) => req.acceptsEncodings(encoding.name) === encoding.name && isFile(file + encoding.suffix));
    if (!chosen) return next();
    res.type(path.extname(file));
    res.setHeader('Content-Encoding', chosen.name);
    req.url = req.url.replace(/^[^?]*/, (pathname) => pathname + chosen.suffix);
    next();
  };
}

function decodePath(urlPath: string): string {
  try {
    return decodeURIComponent(urlPath);
  } catch {
    return '';
  }
}

function isFile(file: string): boolean {
  return existsSync(file) && statSync(file).isFile();
}
