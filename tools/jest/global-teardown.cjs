require('../register-ts.cjs');
const { disposeTestTemplate } = require('../../libs/core/src/testing/test-template.ts');

module.exports = async () => {
  if (process.env.PILOTE_TEST_TEMPLATE) await disposeTestTemplate(JSON.parse(process.env.PILOTE_TEST_TEMPLATE));
};
