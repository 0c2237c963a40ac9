import type { ApolloServerPlugin } from '@apollo/server';
import type { Response } from 'express';

/**
 * After a mutation that did not fail outright, `remember` puts the primary's write position on the
 * answer, so the same reader's next dashboard reads wait for the replica to have it (ADR 034).
 */
export function readYourWritesPlugin(remember: (res: Response) => Promise<void>): ApolloServerPlugin<{ res?: Response }> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ operation, contextValue, response }) {
          if (operation?.operation !== 'mutation' || !contextValue.res) return;
          const body = response.body.kind === 'single' ? response.body.singleResult : null;
          if (body && !body.data && body.errors?.length) return;
          await remember(contextValue.res);
        },
      };
    },
  };
}
