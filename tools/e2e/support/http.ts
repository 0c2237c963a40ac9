import { url } from './env';

export interface GraphqlResponse<T> {
  data?: T;
  errors?: { message: string }[];
}

/** Posts a GraphQL query to the instance under test and fails on GraphQL errors. */
export async function graphql<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const response = await fetch(url('/graphql'), {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as GraphqlResponse<T>;
  if (body.errors?.length) throw new Error(`GraphQL errors: ${body.errors.map((error) => error.message).join('; ')}`);
  if (!response.ok || !body.data) throw new Error(`GraphQL answered ${response.status} without data`);
  return body.data;
}

export function get(pathname: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url(pathname), { headers });
}
