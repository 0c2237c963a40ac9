const { nodeProject } = require('../../jest.preset.cjs');
module.exports = nodeProject('import', __dirname);
