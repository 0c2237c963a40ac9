const { nodeProject } = require('../../jest.preset.cjs');
module.exports = nodeProject('cli', __dirname);
