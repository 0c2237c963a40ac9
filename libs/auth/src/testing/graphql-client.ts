export interface GraphqlResult<T> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: { code?: string; reason?: string; field?: string } }[];
  /** Set when the server refused the request before GraphQL (e.g. a bad token). */
  error?: string;
  message?: string;
}

/** POSTs a GraphQL operation; returns the body with the HTTP status, never throws on errors. */
export async function graphql<T = Record<string, unknown>>(url: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<GraphqlResult<T>> {
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  return { status: response.status, ...((await response.json()) as object) } as GraphqlResult<T>;
}
