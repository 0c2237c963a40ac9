import { IntrinsicException } from '@nestjs/common';

/** An expected refusal (unknown binding, bad form): Apollo copies `extensions` into the GraphQL error; Nest does not log it as a crash. */
export class SyncInputError extends IntrinsicException {
  readonly extensions: Record<string, unknown>;

  constructor(message: string, code: 'NOT_FOUND' | 'BAD_USER_INPUT', field?: string, problems?: { field: string; path: string; message: string; code: string; params?: Record<string, string | number> }[]) {
    super(message);
    this.name = 'SyncInputError';
    this.extensions = { code, ...(field ? { field } : {}), ...(problems ? { problems } : {}) };
  }
}
