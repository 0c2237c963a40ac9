const { nodeProject } = require('../../jest.preset.cjs');
module.exports = nodeProject('engine', __dirname);
