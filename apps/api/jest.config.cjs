const { nodeProject } = require('../../jest.preset.cjs');
module.exports = nodeProject('api', __dirname);
