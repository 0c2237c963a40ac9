/** HTTP statuses the auth layer answers with, and the GraphQL code each maps to. */
const GRAPHQL_CODES: Record<number, string> = {
  400: 'BAD_USER_INPUT',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  429: 'TOO_MANY_REQUESTS',
};

/**
 * An error of identity or rights with a message a user can act on. Forbidden errors never say
 * whether the object exists: the same message is used for "not yours" and "not there".
 */
export class AuthError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 429,
    readonly code: string,
    message: string,
    readonly field?: string,
    /** Figures a page puts in its own words (e.g. a quota's limit and use); never personal data. */
    readonly details?: Record<string, string | number | null>,
  ) {
    super(message);
    this.name = 'AuthError';
  }

  get graphqlCode(): string {
    return GRAPHQL_CODES[this.status];
  }

  toJSON(): { error: string; message: string; field?: string; details?: Record<string, string | number | null> } {
    return { error: this.code, message: this.message, ...(this.field ? { field: this.field } : {}), ...(this.details ? { details: this.details } : {}) };
  }
}

export function forbidden(action: string, subject: string): AuthError {
  return new AuthError(403, 'FORBIDDEN', `You are not allowed to ${action} this ${subject}, or it does not exist.`);
}

export function unauthenticated(): AuthError {
  return new AuthError(401, 'UNAUTHENTICATED', 'Sign in (or send an API token in the Authorization header) to do this.');
}

/** Fail closed: the operation declares no right (`@Can`, `@SignedIn` or `@Public`), so nobody may call it. */
export function undeclared(operation: string): AuthError {
  return new AuthError(403, 'OPERATION_UNDECLARED', `${operation} declares no permission, so it is refused to everyone. Its author must add @Can(…), @SignedIn(…) or @Public(…).`);
}

export function badInput(field: string, message: string): AuthError {
  return new AuthError(400, 'BAD_USER_INPUT', message, field);
}
