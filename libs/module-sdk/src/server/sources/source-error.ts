import { UserFacingError } from '@pilote/core';

/** What went wrong with a source, as a stable code a run report and the admin page translate. */
export type SourceErrorCode =
  | 'SOURCE_SETTINGS'
  | 'SOURCE_SECRET_MISSING'
  | 'SOURCE_UNREACHABLE'
  | 'SOURCE_TIMEOUT'
  | 'SOURCE_UNAUTHORIZED'
  | 'SOURCE_RATE_LIMITED'
  | 'SOURCE_SERVER_ERROR'
  | 'SOURCE_HTTP_ERROR'
  | 'SOURCE_MALFORMED'
  | 'SOURCE_TOO_LARGE'
  | 'SOURCE_PAGE_LOOP'
  | 'SOURCE_TOO_MANY_PAGES'
  | 'SOURCE_SHAPE';

/**
 * A source could not be read: says what (code), where (URL without its query secrets, page) and
 * whether trying again later may help (`retryable`, `retryAfterSeconds` from the server's
 * Retry-After). Connectors throw it; the sync turns it into the run's report.
 */
export class SourceError extends UserFacingError {
  constructor(
    readonly sourceCode: SourceErrorCode,
    message: string,
    readonly details: { where?: string; page?: number; status?: number; retryable?: boolean; retryAfterSeconds?: number; hint?: string } = {},
  ) {
    super(message, details.hint, sourceCode);
    this.name = 'SourceError';
  }

  get retryable(): boolean {
    return this.details.retryable ?? false;
  }
}

export function isSourceError(error: unknown): error is SourceError {
  return error instanceof Error && error.name === 'SourceError' && 'sourceCode' in error;
}
