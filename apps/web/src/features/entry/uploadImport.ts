import { csrfToken } from './entryApi';

export interface ImportIssue { line: number; column?: string; value?: string; code: string; message: string }
export interface RateChange { id: string; name: string; territoryCode: string; territoryName: string; before: { annual: number | null; global: number | null } | null; after: { annual: number | null; global: number | null }; changed: boolean }
export interface ImportReport {
  status: 'invalid' | 'dry-run' | 'published' | 'unchanged' | 'proposed';
  /** Values turned into proposals (untrusted imports). */
  proposals?: number;
  file: { name: string };
  counts: { rows: number; values: number; written: number; wouldWrite: number; unchanged: number; errors: number; warnings: number };
  errors: ImportIssue[];
  warnings: ImportIssue[];
  preview?: { indicators: { changed: number; rows: RateChange[] }; policies: { changed: number; rows: RateChange[] } };
}

/**
 * POST /api/v1/imports (libs/import) or /api/v1/imports/proposals (libs/workflow) with upload progress (XMLHttpRequest: fetch has none).
 * Resolves with the report for 200 and 422 (a report of errors); rejects otherwise.
 */
export async function uploadImport(file: File, options: { dryRun: boolean; asProposals: boolean; lang: string; onProgress: (percent: number | null) => void }): Promise<ImportReport> {
  const token = await csrfToken();
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const params = new URLSearchParams({ lang: options.lang.startsWith('en') ? 'en' : 'fr', ...(options.dryRun ? { dryRun: 'true' } : {}) });
    // workflow.trustedImports false: values become proposals to validate (libs/workflow).
    xhr.open('POST', `${options.asProposals ? '/api/v1/imports/proposals' : '/api/v1/imports'}?${params}`);
    xhr.withCredentials = true;
    if (token) xhr.setRequestHeader('x-csrf-token', token);
    xhr.upload.onprogress = (event) => options.onProgress(event.lengthComputable ? Math.round((100 * event.loaded) / event.total) : null);
    // Once sent, the server reads, checks and computes: progress becomes indeterminate.
    xhr.upload.onload = () => options.onProgress(null);
    xhr.onerror = () => reject(new Error('network'));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        reject(new Error(`HTTP ${xhr.status}`));
        return;
      }
      if (xhr.status === 200 || xhr.status === 422) resolve(body as ImportReport);
      else reject(new Error((body as { message?: string })?.message ?? `HTTP ${xhr.status}`));
    };
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}
