const { webProject } = require('../../jest.preset.cjs');
module.exports = webProject('theme-engine', __dirname);
