import { Transform, type TransformCallback } from 'node:stream';
import { HttpException } from '@nestjs/common';

const MB = 1024 * 1024;
const DEFAULT_IMPORT_MAX_BYTES = 100 * MB;

/** The largest import file accepted (PILOTE_IMPORT_MAX_BYTES, default 100 MB): the API refuses a longer body before reading it. */
export function importMaxBytes(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.PILOTE_IMPORT_MAX_BYTES?.trim();
  const value = raw ? Number(raw) : DEFAULT_IMPORT_MAX_BYTES;
  return Number.isInteger(value) && value > 0 ? value : DEFAULT_IMPORT_MAX_BYTES;
}

/** "10 MB" for people; bytes when it is not a whole number of megabytes. */
export function formatBytes(bytes: number): string {
  return bytes % MB === 0 ? `${bytes / MB} MB` : `${bytes} bytes`;
}

/** The 413 every body cap answers with (the same JSON shape as the API's other refusals). */
export function payloadTooLarge(limit: number, what = 'The request body'): HttpException {
  return new HttpException({ error: 'PAYLOAD_TOO_LARGE', message: `${what} is larger than ${formatBytes(limit)}, the limit of this instance. Split the file, or ask the administrator (PILOTE_IMPORT_MAX_BYTES).` }, 413);
}

/** Passes bytes through and fails with a 413 as soon as more than `limit` went by (bodies sent without a Content-Length). */
export function byteCap(limit: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
      seen += chunk.length;
      if (seen > limit) callback(payloadTooLarge(limit));
      else callback(null, chunk);
    },
  });
}
