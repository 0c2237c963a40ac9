import type { ApolloServerPlugin } from '@apollo/server';
import type { Request } from 'express';
import { GraphQLError } from 'graphql';
import { clientKey } from '../security/client-key';
import type { CostBudgetStore } from '../security/cost-budget-store';
import { fragmentsOf, operationCost } from './query-cost';

const MINUTE = 60_000;

export interface QueryCostOptions {
  /** Refused above this, whoever asks (QUERY_TOO_COMPLEX, 400). */
  maxCost: number;
  /** Cost units per client per minute (0 = no budget); past it, RATE_LIMITED (429). */
  budgetPerMinute: number;
  store: CostBudgetStore;
}

/**
 * Prices every operation before it runs (query-cost.ts, with its variables), refuses one above
 * the per-request maximum, and takes its cost from the client's budget (keyed by who the client
 * is: clientKey). Runs after validation, before any resolver.
 */
export function queryCostPlugin(options: QueryCostOptions): ApolloServerPlugin<{ req?: Request }> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request, contextValue }) {
          if (!operation) return; // Apollo answers "operation not found" itself
          const cost = operationCost(schema, operation, fragmentsOf(document.definitions), request.variables ?? {});
          if (cost > options.maxCost) {
            throw new GraphQLError(`Query is too complex: estimated cost ${cost}, the limit is ${options.maxCost}. Ask for fewer fields, fewer aliases or smaller pages (first).`, {
              extensions: { code: 'QUERY_TOO_COMPLEX', cost, maxCost: options.maxCost, http: { status: 400 } },
            });
          }
          if (options.budgetPerMinute <= 0 || !contextValue.req) return;
          // Half of the minute may be spent at once (never less than one request of the maximum):
          // ten pages opened from links in a row cost ~26,000 with the default budget.
          const capacity = Math.max(options.maxCost, Math.ceil(options.budgetPerMinute / 2));
          const charged = await options.store.charge(`graphql:${clientKey(contextValue.req)}`, cost, { capacity, refill: options.budgetPerMinute, windowMs: MINUTE });
          if (!charged.ok) {
            const seconds = Math.ceil(charged.retryAfterMs / 1000);
            throw new GraphQLError(`Too many costly requests from you: at most ${options.budgetPerMinute} cost units per minute (this one costs ${cost}). Try again in ${seconds} s.`, {
              extensions: { code: 'RATE_LIMITED', cost, retryAfterSeconds: seconds, http: { status: 429, headers: new Map([['retry-after', String(seconds)]]) } },
            });
          }
        },
      };
    },
  };
}
