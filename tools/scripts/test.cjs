// `npm test`: every jest project (unit + integration). Integration tests run on the embedded
// PGlite, or on PostgreSQL when DATABASE_URL is set. Extra arguments go to jest.
const { spawnSync } = require('node:child_process');

const args = ['jest', '--ci', ...process.argv.slice(2)];
console.log(`Database for integration tests: ${process.env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : 'embedded PGlite'}`);
const result = spawnSync('npx', args, { stdio: 'inherit', env: { ...process.env, NX_DAEMON: 'false' } });
process.exit(result.status ?? 1);
