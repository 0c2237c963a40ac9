import path from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { loadInstanceConfig } from '@pilote/core';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { startTestKit } from '../../src/testing';

/** The committed contract (docs/api/graphql-contract.md says how it is used). */
export const CONTRACT_FILE = path.join(__dirname, '../../schema.gql');
/** The one command that rewrites the contract and the web's generated types. */
export const CONTRACT_COMMAND = 'npm run contract';

/**
 * Boots the API as the demo instance builds it — the core, auth, import, sync, workflow and
 * modules-admin resolvers plus the modules examples/demo/pilote.config.ts enables (help-centre,
 * chart, map, csv-connector; only help-centre adds GraphQL fields) — and prints its schema sorted,
 * so the file changes only when the schema does.
 */
export async function printContract(): Promise<string> {
  const instance = loadInstanceConfig(path.join(__dirname, '../../../../examples/demo'), {});
  const kit = await startTestKit({ instance, seed: false });
  try {
    const schema = kit.server.app.get(GraphQLSchemaHost).schema;
    return `${printSchema(lexicographicSortSchema(schema))}\n`;
  } finally {
    await kit.close();
  }
}
