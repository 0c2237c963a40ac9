const { nodeProject } = require('../../jest.preset.cjs');
// Server tests run in Node; web tests render with react-dom/server, or in jsdom when they say so (HelpLink.spec).
module.exports = nodeProject('module-help-centre', __dirname, {
  setupFiles: [require('node:path').join(__dirname, '../../libs/ui/test/setup-dom.cjs')],
  testMatch: ['<rootDir>/**/*.spec.ts', '<rootDir>/**/*.spec.tsx', '<rootDir>/**/*.integration-spec.ts'],
  transform: { '^.+\\.(t|j|cj|mj)sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript', decorators: true, tsx: true }, transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } }, target: 'es2022' }, module: { type: 'commonjs' } }] },
});
