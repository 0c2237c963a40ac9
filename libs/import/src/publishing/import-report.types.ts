import type { TextEncoding } from '../reading/auto-decoder';
import type { ImportIssue } from '../report/import-issue';

export type ImportStatus = 'invalid' | 'dry-run' | 'published' | 'unchanged';

export interface RateChange {
  /** Indicator id, or policy id for policy rows. */
  id: string;
  name: string;
  territoryCode: string;
  territoryName: string;
  level: string;
  before: { annual: number | null; global: number | null } | null;
  after: { annual: number | null; global: number | null };
  changed: boolean;
}

/** The rates the import changes, computed by the real engine then rolled back (dry run) or kept. */
export interface EffectPreview {
  indicators: { touched: number; changed: number; rows: RateChange[] };
  policies: { touched: number; changed: number; rows: RateChange[] };
  /** Listed rows are capped; counts are not. */
  listLimit: number;
}

export interface ImportReport {
  status: ImportStatus;
  dryRun: boolean;
  file: { name: string; bytes: number; sha256: string; format?: 'csv' | 'xlsx'; encoding?: TextEncoding; bom?: boolean; separator?: string; sheet?: string };
  mapping?: string;
  counts: {
    /** Data rows read (header excluded, blank lines included). */
    rows: number;
    blankRows: number;
    /** Values found valid (a wide row can hold several). */
    values: number;
    /** Values written (0 in a dry run: see wouldWrite). */
    written: number;
    wouldWrite: number;
    /** Of the values written (or that would be), those dated before their series' latest value: they complete its history. */
    older: number;
    /** Values already in the database with the same value: not written again. */
    unchanged: number;
    errors: number;
    warnings: number;
  };
  errors: ImportIssue[];
  warnings: ImportIssue[];
  preview?: EffectPreview;
  batchId?: string;
  /** Set when this exact file (same SHA-256) was published before. */
  previousImport?: { batchId: string; at: string; author: string | null };
  timings: { readMs: number; writeMs: number; refreshMs: number; totalMs: number };
}

export interface ImportProgress {
  phase: 'reading' | 'writing' | 'computing';
  rows: number;
  bytesRead: number;
  totalBytes: number;
  /** 0–100, over the bytes of the file. */
  percent: number;
}
