/**
 * Jest: TypeScript through @swc/jest (fast, no type-check; `npm run typecheck` does that).
 * Three projects: `unit` (domain, app, adapters, contracts, devServer, ui, import…), `security-adversarial`
 * (the rights suite again, with every SharePoint variant that helps an attacker switched on) and `e2e` (real
 * Chromium against the built pages and the local Graph server; the pages are built once in its globalSetup).
 */
const transform = {
  '^.+\\.(t|j)sx?$': [
    '@swc/jest',
    {
      jsc: {
        parser: { syntax: 'typescript', tsx: true },
        transform: { react: { runtime: 'automatic' } },
        target: 'es2022',
      },
      module: { type: 'commonjs' },
    },
  ],
};
const common = {
  testEnvironment: 'node',
  transform,
  transformIgnorePatterns: ['/node_modules/(?!(dexie|cookie|@pnp)/)'],
};

module.exports = {
  testTimeout: 30000,
  // Two workers on two cores: most files wait on a local server, Chromium or a child process rather than
  // compute, so the second core is otherwise idle (Jest's default on 2 cores is one worker). Every file starts
  // its own servers on free ports and its own in-memory database, so files never share state.
  maxWorkers: 2,
  projects: [
    {
      ...common,
      displayName: 'unit',
      // Says once per run when ../shared/seeds is missing; one seeded demo database copied per server.
      globalSetup: '<rootDir>/tests/setup/globalSetup.ts',
      globalTeardown: '<rootDir>/tests/setup/globalTeardown.ts',
      setupFiles: ['<rootDir>/tests/setup/jsdomGlobals.ts'],
      roots: ['<rootDir>/tests'],
      testMatch: ['**/*.test.ts', '**/*.test.tsx'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/tests/e2e/'],
    },
    {
      ...common,
      displayName: 'security-adversarial',
      globalSetup: '<rootDir>/tests/setup/globalSetup.ts',
      globalTeardown: '<rootDir>/tests/setup/globalTeardown.ts',
      setupFiles: ['<rootDir>/tests/setup/jsdomGlobals.ts', '<rootDir>/tests/setup/adversarialSharePoint.ts'],
      roots: ['<rootDir>/tests/security'],
      testMatch: ['**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      roots: ['<rootDir>/tests/e2e'],
      testMatch: ['**/*.test.ts'],
      globalSetup: '<rootDir>/tests/e2e/globalSetup.ts',
      globalTeardown: '<rootDir>/tests/e2e/globalTeardown.ts',
    },
  ],
};
