// Jest config of the browser suite, run by tools/e2e/run.cjs (never by the root `npm test`: the
// root config only picks up `<group>/<project>/jest.config.cjs`).
const path = require('node:path');
const { nodeProject } = require('../../../jest.preset.cjs');

const e2eRoot = path.resolve(__dirname, '..');

module.exports = {
  ...nodeProject('e2e', e2eRoot, {
    testMatch: ['<rootDir>/specs/**/*.e2e-spec.ts'],
    setupFilesAfterEnv: ['<rootDir>/support/jest-setup.ts'],
  }),
  testTimeout: 60_000,
  // Two cores: one browser per worker, and the server under test needs the other core.
  maxWorkers: 2,
};
