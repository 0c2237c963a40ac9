import { fetchMe } from '../session/fetchMe';
import type { TypedDocumentString } from './generated/graphql';
import { GRAPHQL_ENDPOINT, GraphQLRequestError, type GraphQLErrorItem } from './graphql';

/** The session's CSRF token (from the page's one `GET /auth/me`): cookie-authenticated changes must send it. */
export async function csrfToken(): Promise<string | null> {
  return (await fetchMe())?.csrfToken ?? null;
}

/** A GraphQL mutation with the CSRF header; throws GraphQLRequestError with the server's message. */
export async function mutate<T, V>(document: TypedDocumentString<T, V>, variables: V): Promise<T>;
export async function mutate<T>(query: string, variables: Record<string, unknown>): Promise<T>;
export async function mutate<T>(document: string | TypedDocumentString<T, unknown>, variables: unknown): Promise<T> {
  const query = document.toString();
  const token = await csrfToken();
  const response = await fetch(GRAPHQL_ENDPOINT, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...(token ? { 'x-csrf-token': token } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json().catch(() => undefined)) as { data?: T; errors?: GraphQLErrorItem[] } | undefined;
  if (body?.errors?.length) throw new GraphQLRequestError(body.errors.map((e) => e.message).join('; '), response.status, body.errors);
  if (!response.ok || !body?.data) throw new GraphQLRequestError(`HTTP ${response.status}`, response.status);
  return body.data;
}
