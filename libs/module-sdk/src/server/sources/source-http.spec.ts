import { sendJson, startSourceServer, type SourceServer } from '../../testing/source-server';
import { createSourceContext, resolveHeaders } from './source-context';
import { isSourceError, type SourceError } from './source-error';
import { atPath, describeUrl, fetchSource, nextLink, pagesOf, parseJsonBody, parseRetryAfter } from './source-http';

const limits = { timeoutMs: 400, retries: 2, maxRetryWaitMs: 2_000, maxBytes: 10_000, maxTotalBytes: 25_000, maxPages: 5 };

async function failure(promise: Promise<unknown>): Promise<SourceError> {
  try {
    await promise;
  } catch (error) {
    if (isSourceError(error)) return error;
    throw error;
  }
  throw new Error('expected a SourceError');
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

describe('reading a source over HTTP', () => {
  let server: SourceServer;
  let calls = new Map<string, number>();
  const count = (key: string) => {
    calls.set(key, (calls.get(key) ?? 0) + 1);
    return calls.get(key) ?? 0;
  };

  beforeAll(async () => {
    server = await startSourceServer((request, response, url) => {
      switch (url.pathname) {
        case '/ok':
          return sendJson(response, { data: [{ a: 1 }] });
        case '/private':
          return request.headers.authorization === 'Bearer s3cret' ? sendJson(response, { ok: true }) : sendJson(response, { detail: 'no' }, 401);
        case '/forbidden':
          return sendJson(response, { detail: 'no' }, 403);
        case '/busy-once':
          return count('busy-once') === 1 ? sendJson(response, {}, 429, { 'retry-after': '1' }) : sendJson(response, { data: ['after wait'] });
        case '/busy-long':
          return sendJson(response, {}, 429, { 'retry-after': '3600' });
        case '/broken':
          return sendJson(response, { error: 'boom' }, 500);
        case '/flaky':
          return count('flaky') < 3 ? sendJson(response, {}, 502) : sendJson(response, { data: ['third time'] });
        case '/malformed':
          response.writeHead(200, { 'content-type': 'application/json' });
          return response.end('{"data": [1, 2,');
        case '/slow':
          {
          const timer = setTimeout(() => sendJson(response, {}), 5_000);
          return void response.on('close', () => clearTimeout(timer));
        }
        case '/huge':
          response.writeHead(200, { 'content-type': 'application/json' });
          // No content-length: the cap must stop the body while it streams.
          for (let i = 0; i < 100; i += 1) response.write(`${'x'.repeat(1_000)}`);
          return response.end();
        case '/loop': {
          const page = Number(url.searchParams.get('page') ?? 1);
          return sendJson(response, { items: [page], next: `/loop?page=${page === 3 ? 2 : page + 1}` });
        }
        case '/pages': {
          const page = Number(url.searchParams.get('page') ?? 1);
          return sendJson(response, { items: [page * 10, page * 10 + 1], next: page < 3 ? `/pages?page=${page + 1}` : null });
        }
        case '/endless': {
          const page = Number(url.searchParams.get('page') ?? 1);
          return sendJson(response, { items: [page], next: `/endless?page=${page + 1}` });
        }
        case '/heavy-pages': {
          const page = Number(url.searchParams.get('page') ?? 1);
          return sendJson(response, { items: ['y'.repeat(9_000)], next: `/heavy-pages?page=${page + 1}` });
        }
        default:
          return sendJson(response, { detail: 'not found' }, 404);
      }
    });
  });
  beforeEach(() => (calls = new Map()));
  afterAll(() => server.close());

  const context = (env: NodeJS.ProcessEnv = {}) => createSourceContext({ env, limits });

  it('reads a JSON answer and a rows path', async () => {
    const answer = await fetchSource(context(), { url: `${server.url}/ok` });
    expect(atPath(parseJsonBody(answer), 'data')).toEqual([{ a: 1 }]);
  });

  it('sends a header from a secret named by the settings, and names a missing secret', async () => {
    const ctx = context({ SOURCE_TOKEN: 's3cret' });
    const answer = await fetchSource(ctx, { url: `${server.url}/private`, headers: resolveHeaders(ctx, { Authorization: { secret: 'SOURCE_TOKEN', prefix: 'Bearer ' } }) });
    expect(parseJsonBody(answer)).toEqual({ ok: true });
    expect(() => resolveHeaders(context(), { Authorization: { secret: 'SOURCE_TOKEN' } })).toThrow(/SOURCE_TOKEN is not set/);
  });

  it('401 and 403 are refused credentials, not retried', async () => {
    const unauthorised = await failure(fetchSource(context(), { url: `${server.url}/private` }));
    expect(unauthorised).toMatchObject({ sourceCode: 'SOURCE_UNAUTHORIZED', retryable: false, details: expect.objectContaining({ status: 401 }) });
    expect((await failure(fetchSource(context(), { url: `${server.url}/forbidden` }))).details.status).toBe(403);
    expect(server.requests.filter((r) => r.url === '/private' && !r.headers.authorization)).toHaveLength(1);
  });

  it('waits Retry-After on 429 then reads; a Retry-After too long fails as retryable with the delay', async () => {
    const started = Date.now();
    const answer = await fetchSource(context(), { url: `${server.url}/busy-once` });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(parseJsonBody(answer)).toEqual({ data: ['after wait'] });
    const long = await failure(fetchSource(context(), { url: `${server.url}/busy-long` }));
    expect(long).toMatchObject({ sourceCode: 'SOURCE_RATE_LIMITED', retryable: true, details: expect.objectContaining({ retryAfterSeconds: 3600 }) });
  });

  it('retries 5xx a few times, then reports the server error', async () => {
    expect(parseJsonBody(await fetchSource(context(), { url: `${server.url}/flaky` }))).toEqual({ data: ['third time'] });
    const broken = await failure(fetchSource(context(), { url: `${server.url}/broken` }));
    expect(broken).toMatchObject({ sourceCode: 'SOURCE_SERVER_ERROR', retryable: true });
    expect(calls.size).toBe(1);
    expect(server.requests.filter((r) => r.url === '/broken')).toHaveLength(3);
  });

  it('malformed JSON, a timeout, a huge answer and an unreachable host each say what and where', async () => {
    const malformed = await failure(Promise.resolve().then(async () => parseJsonBody(await fetchSource(context(), { url: `${server.url}/malformed?token=abc` }), 2)));
    expect(malformed.sourceCode).toBe('SOURCE_MALFORMED');
    expect(malformed.message).toContain('(page 2)');
    expect(malformed.message).not.toContain('abc');
    const slow = await failure(fetchSource(createSourceContext({ limits: { ...limits, retries: 0 } }), { url: `${server.url}/slow` }));
    expect(slow).toMatchObject({ sourceCode: 'SOURCE_TIMEOUT', retryable: true });
    const huge = await failure(fetchSource(context(), { url: `${server.url}/huge` }));
    expect(huge.sourceCode).toBe('SOURCE_TOO_LARGE');
    const unreachable = await failure(fetchSource(createSourceContext({ limits: { ...limits, retries: 0 } }), { url: 'http://127.0.0.1:9/nothing' }));
    expect(unreachable).toMatchObject({ sourceCode: 'SOURCE_UNREACHABLE', retryable: true });
  });

  it('follows pages to the end, and stops a page loop, too many pages or too many bytes', async () => {
    const read = (answer: Awaited<ReturnType<typeof fetchSource>>) => {
      const body = parseJsonBody(answer) as { items: number[]; next: string | null };
      return { items: body.items, next: body.next };
    };
    expect(await collect(pagesOf(context(), { url: `${server.url}/pages` }, read))).toEqual([10, 11, 20, 21, 30, 31]);
    const loop = await failure(collect(pagesOf(context(), { url: `${server.url}/loop` }, read)));
    expect(loop).toMatchObject({ sourceCode: 'SOURCE_PAGE_LOOP', details: expect.objectContaining({ page: 4 }) });
    expect((await failure(collect(pagesOf(context(), { url: `${server.url}/endless` }, read)))).sourceCode).toBe('SOURCE_TOO_MANY_PAGES');
    expect((await failure(collect(pagesOf(context(), { url: `${server.url}/heavy-pages` }, read)))).sourceCode).toBe('SOURCE_TOO_LARGE');
  });

  it('helpers: Retry-After forms, Link header, URL without query values', () => {
    expect(parseRetryAfter('120')).toBe(120);
    expect(parseRetryAfter(new Date(Date.UTC(2030, 0, 1, 0, 1)).toUTCString(), Date.UTC(2030, 0, 1))).toBe(60);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(nextLink('<https://x/a?page=1>; rel="prev", <https://x/a?page=3>; rel="next"')).toBe('https://x/a?page=3');
    expect(nextLink(null)).toBeNull();
    expect(describeUrl('https://user:pw@example.org/a?key=secret')).toBe('https://example.org/a?key=…');
  });
});
