const { nodeProject } = require('../../jest.preset.cjs');
module.exports = nodeProject('auth', __dirname);
