// `npm run contract`: rewrites the GraphQL contract (apps/api/schema.gql, printed from the schema the
// API builds, through its drift test in write mode) and the web's generated types (ADR 044).
const { spawnSync } = require('node:child_process');

const run = (command, args, env = {}) => {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, NX_DAEMON: 'false', ...env } });
  if (result.status !== 0) process.exit(result.status ?? 1);
};
run('npx', ['jest', '--ci', 'apps/api/test/graphql-contract.integration-spec.ts'], { PILOTE_CONTRACT_WRITE: '1' });
run('node', ['tools/contract/web-types.cjs']);
