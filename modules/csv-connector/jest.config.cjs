const { nodeProject } = require('../../jest.preset.cjs');
module.exports = nodeProject('module-csv-connector', __dirname);
