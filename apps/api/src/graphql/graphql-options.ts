import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import type { ApolloDriverConfig } from '@nestjs/apollo';
import { type GraphQLFormattedError } from 'graphql';
import { MemoryCostBudgetStore, type CostBudgetStore } from '../security/cost-budget-store';
import { depthLimitRule } from './depth-limit.rule';
import { queryCostPlugin } from './query-cost.plugin';
import { readYourWritesPlugin } from './read-your-writes.plugin';
import type { Response } from 'express';

export const MAX_QUERY_DEPTH = 10;

type ApolloPlugin = NonNullable<ApolloDriverConfig['plugins']>[number];

/**
 * Apollo settings: no stack traces, codes on every error, depth limit, a cost per request and a
 * cost budget per client (query-cost.plugin.ts), introspection, GraphiQL and "Did you mean"
 * suggestions off in production unless enabled.
 */
export function graphqlOptions(options: { production: boolean; introspection: boolean; maxCost: number; budgetPerMinute: number; budgetStore?: CostBudgetStore; afterMutation?: (res: Response) => Promise<void> }): ApolloDriverConfig {
  return {
    autoSchemaFile: true,
    sortSchema: true,
    path: '/graphql',
    introspection: options.introspection,
    // GraphiQL only where introspection is on: development, or PILOTE_GRAPHQL_INTROSPECTION=true.
    graphiql: options.introspection,
    includeStacktraceInErrorResponses: false,
    // Suggestions ("Did you mean …?") would spell out the schema that introspection hides.
    hideSchemaDetailsFromClientErrors: options.production,
    validationRules: [depthLimitRule(MAX_QUERY_DEPTH)],
    // The kit sets no cache hints; Apollo's default cache-control plugin would still wrap every
    // field resolver (willResolveField) — ~200 policies × 20 fields on the home query.
    // (Cast: @nestjs/apollo's types name the ESM build of @apollo/server, this CommonJS app the CJS one.)
    plugins: [
      ApolloServerPluginCacheControlDisabled() as ApolloPlugin,
      queryCostPlugin({ maxCost: options.maxCost, budgetPerMinute: options.budgetPerMinute, store: options.budgetStore ?? new MemoryCostBudgetStore() }) as ApolloPlugin,
      ...(options.afterMutation ? [readYourWritesPlugin(options.afterMutation) as ApolloPlugin] : []),
    ],
    context: ({ req, res }: { req: unknown; res: unknown }) => ({ req, res }),
    formatError: (formatted: GraphQLFormattedError): GraphQLFormattedError => {
      const extensions = { ...(formatted.extensions ?? {}) };
      delete extensions.stacktrace;
      delete extensions.originalError;
      const code = typeof extensions.code === 'string' ? extensions.code : 'INTERNAL_SERVER_ERROR';
      const message = code === 'INTERNAL_SERVER_ERROR' ? 'Internal error: the request could not be completed.' : formatted.message;
      return { message, locations: formatted.locations, path: formatted.path, extensions: { ...extensions, code } };
    },
  };
}
