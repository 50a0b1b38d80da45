/** Jest for core, hosts, CLI and (in tests/e2e) the task pane in headless Chromium. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    // tsconfig sets isolatedModules, so ts-jest only transpiles; `npm run lint` type-checks the whole tree.
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  testTimeout: 60000,
};
