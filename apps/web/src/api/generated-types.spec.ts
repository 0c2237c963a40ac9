/** @jest-environment node */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

// The web's types and documents are generated from apps/api/schema.gql (ADR 044): stale output fails here.
describe('generated GraphQL types', () => {
  it('match apps/api/schema.gql and the .graphql documents', () => {
    const root = path.join(__dirname, '../../../..');
    const result = spawnSync('node', ['tools/contract/web-types.cjs', '--check'], { cwd: root, encoding: 'utf8' });
    expect(`${result.stdout}${result.stderr}`.trim()).toBe('apps/web/src/api/generated/graphql.ts is up to date.');
    expect(result.status).toBe(0);
  });
});
