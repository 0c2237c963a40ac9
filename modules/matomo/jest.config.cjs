const { nodeProject } = require('../../jest.preset.cjs');
module.exports = nodeProject('module-matomo', __dirname);
