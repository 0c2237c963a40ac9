import { csrfToken } from './entryApi';

export interface ImportIssue { line: number; column?: string; value?: string; code: string; message: string }
export interface RateChange { id: string; name: string; territoryCode: string; territoryName: string; before: { annual: number | null; global: number | null } | null; after: { annual: number | null; global: number | null }; changed: boolean }
export interface ImportReport {
  status: 'invalid' | 'dry-run' | 'published' | 'unchanged' | 'proposed';
  /** Values turned into proposals (untrusted imports). */
  proposals?: number;
  file: { name: string };
  counts: { rows: number; values: number; written: number; wouldWrite: number; older?: number; unchanged: number; errors: number; warnings: number };
  errors: ImportIssue[];
  warnings: ImportIssue[];
  preview?: { indicators: { changed: number; rows: RateChange[] }; policies: { changed: number; rows: RateChange[] } };
}

/** Where the import stands: the upload, then the server's reading, writing and computing (percent of the file read). */
export interface ImportProgressState { step: 'upload' | 'reading' | 'writing' | 'computing' | 'processing'; percent: number | null; rows?: number }

type StreamLine = { type: 'progress'; phase: 'reading' | 'writing' | 'computing'; percent: number; rows: number } | { type: 'report'; httpStatus: number; report: ImportReport } | { type: 'error'; message: string };

/** Reads the complete NDJSON lines received so far, from `offset`; returns them and the next offset. */
export function readLines(text: string, offset: number): { lines: StreamLine[]; offset: number } {
  const end = text.lastIndexOf('\n');
  if (end < offset) return { lines: [], offset };
  const lines = text.slice(offset, end).split('\n').filter((line) => line.trim()).map((line) => JSON.parse(line) as StreamLine);
  return { lines, offset: end + 1 };
}

/**
 * Sends the file with XMLHttpRequest (fetch has no upload progress): to POST /api/v1/imports/stream
 * (libs/import), whose NDJSON lines say how far the server is, or to /api/v1/imports/proposals
 * (libs/workflow, at most 10,000 values: no server progress). Resolves with the report (valid or
 * with errors); rejects when the request itself fails.
 */
export async function uploadImport(file: File, options: { dryRun: boolean; asProposals: boolean; lang: string; onProgress: (progress: ImportProgressState) => void }): Promise<ImportReport> {
  const token = await csrfToken();
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const params = new URLSearchParams({ lang: options.lang.startsWith('en') ? 'en' : 'fr', ...(options.dryRun ? { dryRun: 'true' } : {}) });
    // workflow.trustedImports false: values become proposals to validate (libs/workflow).
    const streamed = !options.asProposals;
    xhr.open('POST', `${streamed ? '/api/v1/imports/stream' : '/api/v1/imports/proposals'}?${params}`);
    xhr.withCredentials = true;
    if (token) xhr.setRequestHeader('x-csrf-token', token);
    xhr.upload.onprogress = (event) => options.onProgress({ step: 'upload', percent: event.lengthComputable ? Math.round((100 * event.loaded) / event.total) : null });
    // Once sent, the server reads, checks and computes; the stream says how far (or it is indeterminate).
    xhr.upload.onload = () => options.onProgress({ step: 'processing', percent: null });
    let offset = 0;
    let outcome: StreamLine | null = null;
    const consume = () => {
      if (!streamed || xhr.status !== 200) return;
      let read: ReturnType<typeof readLines>;
      try {
        read = readLines(xhr.responseText, offset);
      } catch {
        return; // a line cut in the middle of a chunk is read with the next one
      }
      offset = read.offset;
      for (const line of read.lines) {
        if (line.type === 'progress') options.onProgress({ step: line.phase, percent: line.phase === 'reading' ? line.percent : null, rows: line.rows });
        else outcome = line;
      }
    };
    xhr.onprogress = consume;
    xhr.onerror = () => reject(new Error('network'));
    xhr.onload = () => {
      consume();
      const final = outcome as StreamLine | null;
      if (final?.type === 'report') return resolve(final.report);
      if (final?.type === 'error') return reject(new Error(final.message));
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        reject(new Error(`HTTP ${xhr.status}`));
        return;
      }
      if (!streamed && (xhr.status === 200 || xhr.status === 422)) resolve(body as ImportReport);
      else reject(new Error((body as { message?: string })?.message ?? `HTTP ${xhr.status}`));
    };
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}
