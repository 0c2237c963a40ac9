const { nodeProject } = require('../../jest.preset.cjs');
module.exports = nodeProject('workflow', __dirname);
