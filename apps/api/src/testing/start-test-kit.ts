import { readKitVersion, type LoadedInstanceConfig } from '@pilote/core';
import { createTestContext, testInstance, testSettings } from '@pilote/core/testing';
import { type GivenModule, loadInstanceModules } from '../modules/load-instance-modules';
import { startServer, type RunningServer } from '../server';

export interface TestKit {
  server: RunningServer;
  url: string;
  /** POSTs a GraphQL operation and returns the parsed body (errors included, never thrown). */
  graphql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<{ data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] }>;
  close(): Promise<void>;
}

/** Boots the whole API on a fresh copy of the template database, on a free port. */
export async function startTestKit(options: { instance?: LoadedInstanceConfig; seed?: boolean; openDashboards?: boolean; modules?: GivenModule[]; webDist?: string } = {}): Promise<TestKit> {
  // Modules (given here, or listed by the instance) are validated first; their migrations run after the core's.
  const instance = options.instance ?? testInstance();
  const modules = loadInstanceModules(instance, { kitVersion: readKitVersion(), given: options.modules });
  const context = await createTestContext({ instance, moduleMigrations: modules.migrations, modules: modules.info() });
  // One address plays every caller in tests: the per-client GraphQL budget is off unless a test sets it.
  const budget = process.env.PILOTE_GRAPHQL_BUDGET_PER_MINUTE;
  process.env.PILOTE_GRAPHQL_BUDGET_PER_MINUTE = budget ?? '0';
  let server: RunningServer;
  try {
    server = await startServer(testSettings(), { context, modules, seed: options.seed ?? false, webDist: options.webDist });
  } finally {
    if (budget === undefined) delete process.env.PILOTE_GRAPHQL_BUDGET_PER_MINUTE;
  }
  // Dashboards need `read Dashboard` (@pilote/auth); most tests query them anonymously, as an
  // open-data instance allows. Permission tests pass openDashboards: false.
  if (options.openDashboards ?? true) {
    await context.dataSource.query(`UPDATE role SET permissions = permissions || '[{"action":"read","subject":"Dashboard"}]'::jsonb WHERE id = 'public'`);
  }
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
