// @ts-check
// Mutation testing (issue 18): `npm run mutate`. StrykerJS changes the code one small thing at a
// time (a `<` to `<=`, a condition to `true`, a string emptied) and runs the tests that cover it;
// a mutant no test notices is a rule nothing proves. Not part of `npm test`: a full run takes long
// (see README, "Testing"). Incremental: a rerun reuses reports/stryker-incremental.json and tests
// only mutants in code or tests that changed since.
//
// One area only: `npm run mutate -- --mutate 'src/domain/**/*.ts'`.

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
const config = {
  testRunner: 'vitest',
  // forks, not threads: the time-zone tests set TZ, which only a process of its own honours.
  vitest: { configFile: 'vitest.mutate.config.ts', related: true, pool: 'forks' },
  mutate: ['src/domain/**/*.ts', 'src/server/sync/**/*.ts', 'src/server/auth/**/*.ts', 'src/db/**/*.ts'],
  coverageAnalysis: 'perTest',
  // The machine has 2 cores shared with other work.
  concurrency: 2,
  timeoutMS: 20_000,
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: 'reports/.stryker-tmp',
  ignorePatterns: ['reports', 'data', 'dist', 'dev-dist', 'test-results', 'coverage'],
  cleanTempDir: 'always',
  thresholds: { high: 90, low: 85, break: null },
}

export default config
