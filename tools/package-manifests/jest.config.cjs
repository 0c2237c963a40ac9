// Checks the manifests of the published packages (issue 13): declared imports, exact versions, files.
const { nodeProject } = require('../../jest.preset.cjs');
module.exports = nodeProject('package-manifests', __dirname);
