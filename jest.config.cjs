// `npm test` runs every project in one jest invocation, so one summary covers the whole suite.
module.exports = {
  projects: [
    '<rootDir>/libs/domain/jest.config.cjs',
    '<rootDir>/apps/api/jest.config.cjs',
    '<rootDir>/apps/web/jest.config.cjs',
    '<rootDir>/apps/web-e2e/jest.config.cjs',
    '<rootDir>/tools/jest.config.cjs',
  ],
  maxWorkers: 2,
  // jest-circus reads the timeout from the global config only: a project's own testTimeout is
  // ignored here, so the longest any project needs (web-e2e's browser tests) is set once for all.
  testTimeout: 60_000,
};
