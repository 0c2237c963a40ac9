// `npm test`: every project's unit and integration tests. Integration tests run on an embedded
// PGlite by default and on PostgreSQL when DATABASE_URL is set (docs/adr/003-test-strategy.md).
const fs = require('node:fs');
const path = require('node:path');

const projects = [];
for (const group of ['libs', 'apps', 'themes', 'modules', 'examples', 'tools']) {
  const dir = path.join(__dirname, group);
  if (!fs.existsSync(dir)) continue;
  for (const entry of fs.readdirSync(dir)) {
    const config = path.join(dir, entry, 'jest.config.cjs');
    if (fs.existsSync(config)) projects.push(config);
  }
}

module.exports = {
  projects,
  globalSetup: '<rootDir>/tools/jest/global-setup.cjs',
  globalTeardown: '<rootDir>/tools/jest/global-teardown.cjs',
  testTimeout: 60_000,
};
