const { nodeProject } = require('../../jest.preset.cjs');
module.exports = nodeProject('create-pilote-instance', __dirname);
