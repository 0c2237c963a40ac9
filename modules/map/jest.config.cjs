const { nodeProject } = require('../../jest.preset.cjs');
module.exports = nodeProject('module-map', __dirname);
