import { SourceError } from './source-error';
import type { SourceContext } from './source-connector.types';

export interface SourceRequest {
  url: string;
  headers?: Record<string, string>;
  /** Page number (1-based) for reports. */
  page?: number;
}

export interface SourceAnswer {
  status: number;
  headers: Headers;
  /** The body, read whole but never beyond `limits.maxBytes`. */
  body: Buffer;
  url: string;
}

/** The URL as shown in reports: no credentials, no query values (a token may sit there). */
export function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    for (const key of [...parsed.searchParams.keys()]) parsed.searchParams.set(key, '…');
    return parsed.toString().replace(/%E2%80%A6/g, '…');
  } catch {
    return '(invalid URL)';
  }
}

/** Retry-After as seconds (a number of seconds or an HTTP date); undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason as Error)), { once: true });
  });

/**
 * GET a page of a source with the kit's rules: timeout per request, size cap while reading (the
 * body is never buffered beyond `maxBytes`), 401/403 → `SOURCE_UNAUTHORIZED`, 429/503/5xx and
 * network errors retried `limits.retries` times (waiting Retry-After when the server gives one,
 * if not longer than `maxRetryWaitMs`), then a `SourceError` saying what, where and when to retry.
 */
export async function fetchSource(context: SourceContext, request: SourceRequest): Promise<SourceAnswer> {
  const { limits } = context;
  const where = describeUrl(request.url);
  for (let attempt = 0; ; attempt += 1) {
    let failure: SourceError;
    try {
      const answer = await fetchOnce(context, request, where);
      if (answer.status < 400) return answer;
      failure = httpFailure(answer, where, request.page);
    } catch (error) {
      if (error instanceof SourceError) failure = error;
      else throw error;
    }
    if (!failure.retryable || attempt >= limits.retries) throw failure;
    const wait = failure.details.retryAfterSeconds !== undefined ? failure.details.retryAfterSeconds * 1000 : 500 * 2 ** attempt;
    if (wait > limits.maxRetryWaitMs) throw failure;
    await sleep(wait, context.signal);
  }
}

async function fetchOnce(context: SourceContext, request: SourceRequest, where: string): Promise<SourceAnswer> {
  const { limits } = context;
  const timeout = AbortSignal.timeout(limits.timeoutMs);
  const signal = context.signal ? AbortSignal.any([timeout, context.signal]) : timeout;
  let response: Response;
  try {
    response = await fetch(request.url, { headers: request.headers, signal, redirect: 'follow' });
  } catch (error) {
    throw networkFailure(error as Error, timeout, where, request.page, limits.timeoutMs);
  }
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > limits.maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge(where, request.page, limits.maxBytes);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    if (response.body) {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        size += chunk.byteLength;
        if (size > limits.maxBytes) {
          await response.body.cancel().catch(() => undefined);
          throw tooLarge(where, request.page, limits.maxBytes);
        }
        chunks.push(Buffer.from(chunk));
      }
    }
  } catch (error) {
    if (error instanceof SourceError) throw error;
    throw networkFailure(error as Error, timeout, where, request.page, limits.timeoutMs);
  }
  return { status: response.status, headers: response.headers, body: Buffer.concat(chunks, size), url: response.url || request.url };
}

function tooLarge(where: string, page: number | undefined, max: number): SourceError {
  return new SourceError('SOURCE_TOO_LARGE', `${where}${page ? ` (page ${page})` : ''} answers more than ${max} bytes`, {
    where, page, hint: 'Ask the source for smaller pages, or raise the limit (PILOTE_SYNC_MAX_BYTES).',
  });
}

function networkFailure(error: Error, timeout: AbortSignal, where: string, page: number | undefined, timeoutMs: number): SourceError {
  if (timeout.aborted) {
    return new SourceError('SOURCE_TIMEOUT', `${where}${page ? ` (page ${page})` : ''} did not answer within ${Math.round(timeoutMs / 1000)} s`, { where, page, retryable: true });
  }
  const cause = (error.cause as { code?: string } | undefined)?.code ?? error.message;
  return new SourceError('SOURCE_UNREACHABLE', `Cannot reach ${where}: ${cause}`, { where, page, retryable: true, hint: 'Check the address and that this server may reach it.' });
}

function httpFailure(answer: SourceAnswer, where: string, page: number | undefined): SourceError {
  const at = `${where}${page ? ` (page ${page})` : ''}`;
  const status = answer.status;
  if (status === 401 || status === 403) {
    return new SourceError('SOURCE_UNAUTHORIZED', `${at} refused the credentials (HTTP ${status})`, { where, page, status, hint: 'Check the secret the binding names (is it set, still valid, allowed to read this?).' });
  }
  const retryAfterSeconds = parseRetryAfter(answer.headers.get('retry-after'));
  if (status === 429 || status === 503) {
    return new SourceError('SOURCE_RATE_LIMITED', `${at} asks to slow down (HTTP ${status}${retryAfterSeconds !== undefined ? `, retry after ${retryAfterSeconds} s` : ''})`, { where, page, status, retryable: true, retryAfterSeconds });
  }
  if (status >= 500) return new SourceError('SOURCE_SERVER_ERROR', `${at} failed (HTTP ${status})`, { where, page, status, retryable: true, retryAfterSeconds });
  return new SourceError('SOURCE_HTTP_ERROR', `${at} answered HTTP ${status}`, { where, page, status, hint: status === 404 ? 'Check the address, resource or table id.' : undefined });
}

/** The body as JSON, or `SOURCE_MALFORMED` naming the page and where parsing stopped. */
export function parseJsonBody(answer: SourceAnswer, page?: number): unknown {
  try {
    return JSON.parse(answer.body.toString('utf8'));
  } catch (error) {
    const where = describeUrl(answer.url);
    throw new SourceError('SOURCE_MALFORMED', `${where}${page ? ` (page ${page})` : ''} is not valid JSON: ${(error as Error).message}`, { where, page });
  }
}

/**
 * Follows pages: `next(answer, page)` gives the next URL (or null at the end). A URL seen before is
 * a page loop (`SOURCE_PAGE_LOOP`), more than `limits.maxPages` pages is refused, and the bytes of
 * every page together are capped by `limits.maxTotalBytes`.
 */
export async function* pagesOf<T>(
  context: SourceContext,
  first: SourceRequest,
  read: (answer: SourceAnswer, page: number) => { items: Iterable<T>; next: string | null },
): AsyncGenerator<T> {
  const seen = new Set<string>();
  let url: string | null = first.url;
  let total = 0;
  for (let page = 1; url !== null; page += 1) {
    if (seen.has(url)) throw new SourceError('SOURCE_PAGE_LOOP', `${describeUrl(url)} (page ${page}) was already read: the source's pages loop`, { where: describeUrl(url), page });
    if (page > context.limits.maxPages) throw new SourceError('SOURCE_TOO_MANY_PAGES', `${describeUrl(url)}: more than ${context.limits.maxPages} pages`, { where: describeUrl(url), page });
    seen.add(url);
    const answer = await fetchSource(context, { ...first, url, page });
    total += answer.body.length;
    if (total > context.limits.maxTotalBytes) throw new SourceError('SOURCE_TOO_LARGE', `${describeUrl(url)}: the pages add up to more than ${context.limits.maxTotalBytes} bytes`, { where: describeUrl(url), page });
    context.onPage?.({ page, bytes: answer.body.length, url: describeUrl(url) });
    const { items, next } = read(answer, page);
    yield* items;
    url = next === null ? null : new URL(next, answer.url).toString();
  }
}

/** `a.b.0.c` in a JSON value; `''` or `$` is the value itself. */
export function atPath(value: unknown, path: string | undefined): unknown {
  if (!path || path === '$') return value;
  let current = value;
  for (const key of path.replace(/^\$\.?/, '').split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** The `rel="next"` target of an RFC 8288 Link header, if any. */
export function nextLink(header: string | null): string | null {
  if (!header) return null;
  for (const part of header.split(',')) {
    const match = /<([^>]*)>\s*;(.*)/.exec(part.trim());
    if (match && /rel\s*=\s*"?([^";]*\s)?next(\s[^";]*)?"?/i.test(match[2])) return match[1];
  }
  return null;
}
