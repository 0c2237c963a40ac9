const { nodeProject } = require('../../jest.preset.cjs');
module.exports = nodeProject('white-label', __dirname);
