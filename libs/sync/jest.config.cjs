const { nodeProject } = require('../../jest.preset.cjs');
module.exports = nodeProject('sync', __dirname);
