// Shared jest settings: SWC with decorator metadata (Nest's DI needs it) and the tsconfig paths.
const path = require('node:path');

const root = __dirname;

module.exports = {
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true, tsx: true },
          transform: {
            legacyDecorator: true,
            decoratorMetadata: true,
            react: { runtime: 'automatic' },
          },
          target: 'es2022',
          // Rewriting the aliases at transform time also covers globalSetup, which Node's own
          // require loads (moduleNameMapper does not apply there).
          baseUrl: root,
          paths: {
            '@preauth/domain': ['libs/domain/src/index.ts'],
            '@preauth/api-client': ['libs/api-client/src/index.ts'],
            '@preauth/migrations': ['migrations/index.ts'],
          },
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  moduleNameMapper: {
    '^@preauth/domain$': path.join(root, 'libs/domain/src/index.ts'),
    '^@preauth/api-client$': path.join(root, 'libs/api-client/src/index.ts'),
    '^@preauth/migrations$': path.join(root, 'migrations/index.ts'),
  },
  testEnvironment: 'node',
};
