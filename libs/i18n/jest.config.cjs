const { webProject } = require('../../jest.preset.cjs');
module.exports = webProject('i18n', __dirname);
