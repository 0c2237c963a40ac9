// Prepares, once per test run, the template database every integration test file copies
// (docs/adr/003-test-strategy.md).
require('../register-ts.cjs');
const { prepareTestTemplate } = require('../../libs/core/src/testing/test-template.ts');

module.exports = async () => {
  const started = Date.now();
  const template = await prepareTestTemplate();
  process.env.PILOTE_TEST_TEMPLATE = JSON.stringify(template);
  if (process.env.PILOTE_TEST_VERBOSE) console.log(`\nTest template ready (${template.kind}) in ${Date.now() - started} ms`);
};
