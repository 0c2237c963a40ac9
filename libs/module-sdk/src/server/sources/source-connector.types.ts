import type { ZodType } from 'zod';
import type { LocalizedName } from '../../common/localized-name';

/** One record of a source: a flat or nested JSON object (CSV rows: header → cell text). */
export type SourceRecord = Record<string, unknown>;

/** Limits every read of a source obeys; the sync passes the instance's, tests pass small ones. */
export interface SourceLimits {
  /** Bytes of one answer (page), and of all pages together (×`maxPages` is not a licence: see `maxTotalBytes`). */
  maxBytes: number;
  maxTotalBytes: number;
  /** One request, connection to last byte. */
  timeoutMs: number;
  maxPages: number;
  /** Retries of one request after 429/503/5xx or a network error, waiting Retry-After when given. */
  retries: number;
  /** A Retry-After longer than this is not waited for: the run fails as retryable with that delay. */
  maxRetryWaitMs: number;
}

export const DEFAULT_SOURCE_LIMITS: SourceLimits = {
  maxBytes: 50 * 1024 * 1024,
  maxTotalBytes: 2 * 1024 * 1024 * 1024,
  timeoutMs: 30_000,
  maxPages: 10_000,
  retries: 2,
  maxRetryWaitMs: 30_000,
};

/** What a connector receives besides its settings when it streams a source. */
export interface SourceContext {
  /** A secret by name (environment variable). Throws `SOURCE_SECRET_MISSING` naming it when unset: never read `process.env` yourself. */
  secret(name: string): string;
  limits: SourceLimits;
  /** Aborted when the run is stopped (shutdown); pass it to your own I/O. */
  signal?: AbortSignal;
  /** Called after each page: `{ page, bytes }` (progress in the run report). */
  onPage?(page: { page: number; bytes: number; url?: string }): void;
}

/**
 * A connector that can feed indicators (source bindings, `pilote sync`): it streams the source's
 * records, page after page, as an async iterable; it never holds the whole source in memory.
 * Settings are validated with `settingsSchema` before `records` is called (at start for bindings
 * of the configuration, and when an administrator saves a binding).
 */
export interface SourceConnector<Settings = unknown> {
  /** Stable id, unique in the module (`json`). */
  id: string;
  displayName: LocalizedName;
  settingsSchema: ZodType<Settings, unknown>;
  /** Names of the settings keys that hold secret *names* (shown, never resolved, in the admin). */
  secretSettings?: readonly string[];
  records(settings: Settings, context: SourceContext): AsyncIterable<SourceRecord>;
}
