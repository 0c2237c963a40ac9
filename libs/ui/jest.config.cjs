const path = require('node:path');
const { webProject } = require('../../jest.preset.cjs');
const base = webProject('ui', __dirname);
module.exports = {
  ...base,
  setupFiles: [path.join(__dirname, 'test/setup-dom.cjs')],
  moduleNameMapper: {
    '^@pilote/theme-engine/web$': path.join(__dirname, '../theme-engine/src/web/index.ts'),
    ...base.moduleNameMapper,
  },
};
