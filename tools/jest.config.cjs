const preset = require('../jest.preset.cjs');

module.exports = {
  ...preset,
  displayName: 'workspace',
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.spec.ts'],
};
