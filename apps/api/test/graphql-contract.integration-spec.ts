import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { CONTRACT_COMMAND, CONTRACT_FILE, printContract } from './contract/print-contract';

/**
 * The GraphQL contract (apps/api/schema.gql) is generated from the code-first schema and committed:
 * this test fails when code and file disagree. `npm run contract` runs it with
 * PILOTE_CONTRACT_WRITE=1, which writes the file instead (ADR 044).
 */
describe('GraphQL contract: apps/api/schema.gql is the schema the code builds', () => {
  it('has not drifted from the code', async () => {
    const printed = await printContract();
    if (process.env.PILOTE_CONTRACT_WRITE === '1') {
      writeFileSync(CONTRACT_FILE, printed);
      return;
    }
    const committed = existsSync(CONTRACT_FILE) ? readFileSync(CONTRACT_FILE, 'utf8') : '';
    if (committed !== printed) {
      throw new Error(`apps/api/schema.gql is stale: the code-first schema changed (${firstDifference(committed, printed)}). Run \`${CONTRACT_COMMAND}\` and commit apps/api/schema.gql and apps/web/src/api/generated/.`);
    }
  });
});

/** The first line that differs, so the message says where to look. */
function firstDifference(committed: string, printed: string): string {
  const a = committed.split('\n');
  const b = printed.split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) return `line ${i + 1}: committed ${JSON.stringify(a[i] ?? '<end>')}, code ${JSON.stringify(b[i] ?? '<end>')}`;
  }
  return 'same lines';
}
