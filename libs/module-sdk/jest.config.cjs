const { nodeProject } = require('../../jest.preset.cjs');
module.exports = nodeProject('module-sdk', __dirname);
