import { IntrinsicException } from '@nestjs/common';
import { AuthError } from './auth-error';

/**
 * An expected refusal in GraphQL. Apollo copies `extensions` of the original error into the
 * GraphQL error (code, reason, field, details); as an IntrinsicException, Nest does not log it as a crash.
 */
export class GraphqlAuthError extends IntrinsicException {
  readonly extensions: Record<string, unknown>;

  constructor(error: AuthError) {
    super(error.message);
    this.name = 'GraphqlAuthError';
    this.extensions = { code: error.graphqlCode, reason: error.code, ...(error.field ? { field: error.field } : {}), ...(error.details ? { details: error.details } : {}) };
  }
}

export function toGraphQLError(error: AuthError): GraphqlAuthError {
  return new GraphqlAuthError(error);
}

/** Runs a resolver body and turns AuthErrors into GraphQL errors. */
export async function graphqlErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AuthError) throw toGraphQLError(error);
    throw error;
  }
}
