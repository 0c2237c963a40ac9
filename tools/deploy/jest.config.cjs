// Checks the deploy files (issue 16): Kubernetes manifests against the Kubernetes schemas, compose structure.
const { nodeProject } = require('../../jest.preset.cjs');
module.exports = nodeProject('deploy', __dirname);
