import type { LoadedInstanceConfig } from '@pilote/core';
import { createTestContext, testSettings } from '@pilote/core/testing';
import { startServer, type RunningServer } from '../server';

export interface TestKit {
  server: RunningServer;
  url: string;
  /** POSTs a GraphQL operation and returns the parsed body (errors included, never thrown). */
  graphql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<{ data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] }>;
  close(): Promise<void>;
}

/** Boots the whole API on a fresh copy of the template database, on a free port. */
export async function startTestKit(options: { instance?: LoadedInstanceConfig; seed?: boolean } = {}): Promise<TestKit> {
  const context = await createTestContext({ instance: options.instance });
  const server = await startServer(testSettings(), { context, seed: options.seed ?? false });
  return {
    server,
    url: server.url,
    async graphql(query, variables, headers) {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as never;
    },
    close: () => server.close(),
  };
}
