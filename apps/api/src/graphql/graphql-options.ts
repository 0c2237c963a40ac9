import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import type { ApolloDriverConfig } from '@nestjs/apollo';
import { type GraphQLFormattedError } from 'graphql';
import { complexityLimitRule } from './complexity-limit.rule';
import { depthLimitRule } from './depth-limit.rule';

export const MAX_QUERY_DEPTH = 10;
export const MAX_QUERY_COST = 50_000;

/** Apollo settings: no stack traces, codes on every error, depth limit, introspection and GraphiQL off in production unless enabled. */
export function graphqlOptions(options: { production: boolean; introspection: boolean }): ApolloDriverConfig {
  return {
    autoSchemaFile: true,
    sortSchema: true,
    path: '/graphql',
    introspection: options.introspection,
    // GraphiQL only where introspection is on: development, or PILOTE_GRAPHQL_INTROSPECTION=true.
    graphiql: options.introspection,
    includeStacktraceInErrorResponses: false,
    validationRules: [depthLimitRule(MAX_QUERY_DEPTH), complexityLimitRule(MAX_QUERY_COST)],
    // The kit sets no cache hints; Apollo's default cache-control plugin would still wrap every
    // field resolver (willResolveField) — ~200 policies × 20 fields on the home query.
    // (Cast: @nestjs/apollo's types name the ESM build of @apollo/server, this CommonJS app the CJS one.)
    plugins: [ApolloServerPluginCacheControlDisabled() as NonNullable<ApolloDriverConfig['plugins']>[number]],
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
