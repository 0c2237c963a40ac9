const { nodeProject } = require('../../jest.preset.cjs');
module.exports = nodeProject('core', __dirname);
