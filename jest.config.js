// Jest runs the TypeScript sources as native ESM (Agenda 6 is ESM-only), transformed by swc.
const shared = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'es6' } }],
  },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
};

export default {
  // Agenda's per-job watchdog sleeps lockLifetime/2 (5 min) and is not cancelled when the job ends, which
  // holds Jest open after the scheduler stopped. The gateway itself exits explicitly after its shutdown,
  // and test/integration/gateway-process.int.test.ts checks that real processes exit on SIGTERM.
  forceExit: true,
  // Generous: integration tests wait for real servers and processes; each wait names what it waited for.
  testTimeout: 60_000,
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.int.test.ts'],
      // Runs only when an integration test is selected: one real PostgreSQL server for the whole run.
      globalSetup: '<rootDir>/test/helpers/global-setup.js',
      globalTeardown: '<rootDir>/test/helpers/global-teardown.js',
    },
  ],
};
