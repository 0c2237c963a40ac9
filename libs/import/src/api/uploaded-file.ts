import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { BadRequestException } from '@nestjs/common';
import type { ColumnMapping } from '../mapping/column-mapping';
import { builtinMappings } from '../mapping/builtin-mappings';
import { byteCap, importMaxBytes } from './upload-limit';
import type { ImportReport } from '../publishing/import-report.types';
import { parseLanguage, translateIssue } from '../report/translate-issue';

/** A multipart upload as multer leaves it on disk. */
export interface UploadedImportFile { path: string; originalname: string }

/** Query parameters shared by every import route (`/imports`, `/imports/stream`, `/imports/proposals`). */
export interface ImportQuery { dryRun?: string; mapping?: string; fileName?: string; lang?: string }

export const isDryRun = (query: ImportQuery) => query.dryRun === 'true' || query.dryRun === '1';

/**
 * Runs `work` on the uploaded file: the multipart part multer stored, or the raw request body
 * spooled to a temporary file (the import streams from disk). Both are removed afterwards.
 * A raw body longer than `importMaxBytes()` stops with a 413 while it is spooled (one sent
 * without a Content-Length; a declared one was refused before any byte was read, see apps/api security).
 */
export async function withUploadedFile<T>(
  request: Readable,
  upload: UploadedImportFile | undefined,
  fileName: string | undefined,
  work: (file: string, name: string) => Promise<T>,
): Promise<T> {
  const spool = mkdtempSync(path.join(os.tmpdir(), 'pilote-import-'));
  try {
    let file = upload?.path;
    if (!file) {
      file = path.join(spool, 'upload');
      await pipeline(request, byteCap(importMaxBytes()), createWriteStream(file));
    }
    return await work(file, upload?.originalname ?? fileName ?? 'upload');
  } finally {
    rmSync(spool, { recursive: true, force: true });
    if (upload?.path) rmSync(upload.path, { force: true });
  }
}

/** The built-in column mapping named in `?mapping=`; an unknown name is a 400 listing the known ones. */
export function findMapping(id: string | undefined): ColumnMapping | undefined {
  if (!id) return undefined;
  const mapping = builtinMappings.find((candidate) => candidate.id === id);
  if (!mapping) throw new BadRequestException(`Unknown mapping "${id}". Known: ${builtinMappings.map((m) => m.id).join(', ')}`);
  return mapping;
}

export type TranslatedReport<R extends ImportReport = ImportReport> = Omit<R, 'errors' | 'warnings'> & { errors: unknown[]; warnings: unknown[] };

/** The report with each issue's message in the caller's language (`?lang=`, else Accept-Language). */
export function translateReport<R extends ImportReport>(report: R, lang: string | undefined, acceptLanguage: string | undefined): TranslatedReport<R> {
  const language = parseLanguage(lang ?? acceptLanguage);
  const withMessage = <T extends { code: string; params?: Record<string, string | number> }>(issue: T) => ({ ...issue, message: translateIssue(issue, language) });
  return { ...report, errors: report.errors.map(withMessage), warnings: report.warnings.map(withMessage) };
}
