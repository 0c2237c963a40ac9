const { nodeProject } = require('../../jest.preset.cjs');
module.exports = nodeProject('module-chart', __dirname);
