const path = require('node:path');
const { nodeProject, webProject } = require('../../jest.preset.cjs');
// Server and common tests run in Node; web tests (*.spec.tsx) ask for jsdom in their first comment.
const web = webProject('module-map', __dirname);
module.exports = nodeProject('module-map', __dirname, {
  testMatch: ['<rootDir>/**/*.spec.ts', '<rootDir>/**/*.spec.tsx', '<rootDir>/**/*.integration-spec.ts'],
  transform: web.transform,
  setupFiles: [path.join(__dirname, '../../libs/ui/test/setup-dom.cjs')],
  moduleNameMapper: {
    '^@pilote/theme-engine/web$': path.join(__dirname, '../../libs/theme-engine/src/web/index.ts'),
    ...web.moduleNameMapper,
  },
});
