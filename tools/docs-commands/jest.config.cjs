// Runs every command the README and docs/ show, from the installed tree (issue 13).
const { nodeProject } = require('../../jest.preset.cjs');
module.exports = nodeProject('docs-commands', __dirname);
