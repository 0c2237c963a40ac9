import { IntrinsicException } from '@nestjs/common';

/**
 * An expected refusal of a panel query (unknown panel, missing territory, unreadable source):
 * Apollo copies `extensions` into the GraphQL error; as an IntrinsicException, Nest does not log
 * it as a crash.
 */
export class DataPanelError extends IntrinsicException {
  readonly extensions: Record<string, unknown>;

  constructor(message: string, code: 'NOT_FOUND' | 'BAD_USER_INPUT' | 'DATA_SOURCE_UNAVAILABLE', field?: string) {
    super(message);
    this.name = 'DataPanelError';
    this.extensions = { code, ...(field ? { field } : {}) };
  }
}
