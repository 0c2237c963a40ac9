import type { TypedDocumentString } from './generated/graphql';

/** Error returned by `/graphql` (HTTP failure or `errors` in the response). */
export interface GraphQLErrorItem { message: string; extensions?: { code?: string } }

export class GraphQLRequestError extends Error {
  constructor(message: string, readonly status?: number, readonly errors?: GraphQLErrorItem[]) {
    super(message);
    this.name = 'GraphQLRequestError';
  }
}

export const GRAPHQL_ENDPOINT = '/graphql';

/** Minimal GraphQL client: one POST with JSON, cookies of the same origin. A generated document types both the variables and the answer. */
export async function fetchGraphQL<T, V>(document: TypedDocumentString<T, V>, variables?: V, signal?: AbortSignal): Promise<T>;
export async function fetchGraphQL<T>(query: string, variables?: Record<string, unknown>, signal?: AbortSignal): Promise<T>;
export async function fetchGraphQL<T>(document: string | TypedDocumentString<T, unknown>, variables?: unknown, signal?: AbortSignal): Promise<T> {
  const query = document.toString();
  let response: Response;
  try {
    response = await fetch(GRAPHQL_ENDPOINT, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query, variables }),
      signal,
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new GraphQLRequestError('network');
  }
  let body: { data?: T; errors?: GraphQLErrorItem[] } | undefined;
  try {
    body = (await response.json()) as typeof body;
  } catch {
    throw new GraphQLRequestError(`HTTP ${response.status}`, response.status);
  }
  if (body?.errors?.length) throw new GraphQLRequestError(body.errors.map((e) => e.message).join('; '), response.status, body.errors);
  if (!response.ok || !body?.data) throw new GraphQLRequestError(`HTTP ${response.status}`, response.status);
  return body.data;
}

/** The API said the thing asked for does not exist (unknown policy or territory code). */
export function isNotFound(error: unknown): boolean {
  return error instanceof GraphQLRequestError && Boolean(error.errors?.some((e) => e.extensions?.code === 'NOT_FOUND'));
}
