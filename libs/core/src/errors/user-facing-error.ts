/**
 * An error meant for the person running the kit: one line saying what is wrong and one saying
 * what to do. Entry points print these without a stack trace and exit non-zero.
 */
export class UserFacingError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
    readonly code = 'PILOTE_ERROR',
  ) {
    super(message);
    this.name = 'UserFacingError';
  }

  /** The text printed to the terminal: the problem, then how to fix it. */
  format(): string {
    return this.hint ? `${this.message}\n  → ${this.hint}` : this.message;
  }
}

export function isUserFacingError(error: unknown): error is UserFacingError {
  return error instanceof UserFacingError;
}
