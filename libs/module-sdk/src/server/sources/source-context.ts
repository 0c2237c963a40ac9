import { SourceError } from './source-error';
import { DEFAULT_SOURCE_LIMITS, type SourceContext, type SourceLimits } from './source-connector.types';

/**
 * The context a sync (or a test) gives a connector: secrets read from `env` by name — a missing
 * one is an error naming it, never an empty header — and the limits.
 */
export function createSourceContext(options: { env?: NodeJS.ProcessEnv; limits?: Partial<SourceLimits>; signal?: AbortSignal; onPage?: SourceContext['onPage'] } = {}): SourceContext {
  const env = options.env ?? process.env;
  return {
    limits: { ...DEFAULT_SOURCE_LIMITS, ...options.limits },
    signal: options.signal,
    onPage: options.onPage,
    secret(name) {
      const value = env[name];
      if (!value) throw new SourceError('SOURCE_SECRET_MISSING', `The secret ${name} is not set`, { hint: `Set the environment variable ${name} on every process of the instance (never in pilote.config.ts).` });
      return value;
    },
  };
}

/** A header value that is either written as is or read from a secret (`{ secret: 'NAME', prefix: 'Bearer ' }`). */
export type HeaderValue = string | { secret: string; prefix?: string };

export function resolveHeaders(context: SourceContext, headers: Record<string, HeaderValue> | undefined): Record<string, string> {
  const resolved: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) resolved[name] = typeof value === 'string' ? value : `${value.prefix ?? ''}${context.secret(value.secret)}`;
  return resolved;
}
