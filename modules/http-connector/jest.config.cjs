const { nodeProject } = require('../../jest.preset.cjs');
module.exports = nodeProject('module-http-connector', __dirname);
