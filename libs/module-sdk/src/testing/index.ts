import type { LoadedInstanceConfig } from '@pilote/core';
import type { ServerModuleManifest } from '../server/server-part.types';

export type TestModule = ServerModuleManifest | { manifest: ServerModuleManifest; settings?: Record<string, unknown> };

export interface StartTestKitOptions {
  /** The modules to boot (their migrations run on the fresh database, their Nest part is imported). */
  modules?: TestModule[];
  /** An instance configuration (default: a small test instance; `testInstance()` of @pilote/core/testing). */
  instance?: LoadedInstanceConfig;
  /** Seed the instance's data (default false). */
  seed?: boolean;
}

export interface TestKit {
  url: string;
  server: { context: import('@pilote/core').KitContext };
  /** POSTs a GraphQL operation; errors come back in the body, never thrown. */
  graphql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<{ data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] }>;
  close(): Promise<void>;
}

// The host lives in apps/api, which depends on this package: it is required at call time, by a
// computed name, so that the build graph has no cycle (module-sdk → api → module-sdk).
const API_TESTING = ['@pilote', 'api', 'testing'].join('/');

/**
 * Boots the whole API with the chosen modules on a fresh copy of the test database (PGlite, or
 * PostgreSQL when DATABASE_URL is set), on a free port. Run it from jest (`npm test`).
 */
export async function startTestKit(options: StartTestKitOptions = {}): Promise<TestKit> {
  const api = require(API_TESTING) as { startTestKit(options: StartTestKitOptions): Promise<TestKit> };
  return api.startTestKit(options);
}
export { sendJson, startSourceServer, type SourceServer } from './source-server';
