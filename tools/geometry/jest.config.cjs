// The example instances' real boundaries (issue 20): coverage of their territories, drawable paths, reproducible files.
const { nodeProject } = require('../../jest.preset.cjs');
module.exports = nodeProject('geometry', __dirname);
