import type { Config } from 'jest';

const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

const shared = {
  testEnvironment: 'node',
  transform: { '^.+\\.[tj]s$': ['@swc/jest', swc] },
  // ESM-only dependencies that Node 20 can require() but Jest's module system cannot: compile them.
  transformIgnorePatterns: ['/node_modules/(?!(\\.pnpm/)?content-disposition[@/])'],
  // Tests run against the sources of every workspace package, never their build output.
  moduleNameMapper: {
    '^@tessera/(api|worker)$': '<rootDir>/apps/$1/src',
    '^@tessera/([a-z-]+)$': '<rootDir>/libs/$1/src',
    // The SPA's own alias, for its unit tests (apps/web/src/**/*.spec.ts).
    '^@/(.*)$': '<rootDir>/apps/web/src/$1',
  },
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  rootDir: __dirname,
};

/** Database, Redis prefix and environment for the run, shared by integration and e2e tests. */
const withServices = {
  ...shared,
  globalSetup: '<rootDir>/libs/testing/src/jest/global-setup.ts',
  globalTeardown: '<rootDir>/libs/testing/src/jest/global-teardown.ts',
  setupFilesAfterEnv: ['<rootDir>/libs/testing/src/jest/isolate-test-file.ts'],
};

const config: Config = {
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'] },
    { ...withServices, displayName: 'integration', testMatch: ['<rootDir>/{apps,libs}/**/*.int-spec.ts'] },
    { ...withServices, displayName: 'e2e', testMatch: ['<rootDir>/e2e/**/*.e2e-spec.ts'] },
  ],
};

export default config;
