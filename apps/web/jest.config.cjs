const path = require('node:path');
const { webProject } = require('../../jest.preset.cjs');
const base = webProject('web', __dirname);
module.exports = {
  ...base,
  setupFiles: [path.join(__dirname, '../../libs/ui/test/setup-dom.cjs')],
  moduleNameMapper: {
    '^@pilote/theme-engine/web$': path.join(__dirname, '../../libs/theme-engine/src/web/index.ts'),
    '^@pilote/theme-dsfr/web$': path.join(__dirname, '../../themes/dsfr/src/web/index.ts'),
    ...base.moduleNameMapper,
  },
};
