// Mutation testing of the modules that defend the person (issue 17): `npm run test:mutation`.
// Not part of `npm test`: even scoped, a full run takes a long while on 2 cores. Incremental mode
// keeps the results of the last run (reports/stryker-incremental.json, committed), so a re-run
// only tests the mutants in code or tests that changed since.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.stryker.config.ts', related: true },
  // Only the tests that cover a mutant run for it.
  coverageAnalysis: 'perTest',
  mutate: [
    // The message protocol, the router and the sender checks.
    'lib/protocol/senders.ts',
    'lib/protocol/router.ts',
    'lib/protocol/messages.ts',
    'lib/protocol/client.ts',
    'lib/protocol/redact.ts',
    'lib/background/panel-grants.ts',
    // Where the API key is stored and read.
    'lib/keys/*.ts',
    // The network layer: URLs built from typed operations, ids as path segments, the Origin rule.
    'lib/anytype/transport.ts',
    'lib/anytype/ids.ts',
    // How a failure is told: Anytype's answers and the transport's own failures, with secrets masked.
    'lib/anytype/errors.ts',
    'lib/anytype/http-errors.ts',
    'lib/network/*.ts',
    // The write-ahead queue.
    'lib/queue/*.ts',
    '!lib/queue/index.ts',
  ],
  // Module-level code (valibot schemas built once at import) would need every test for each of its
  // mutants; they are reported as ignored, not counted, and held by the schema tests instead.
  ignoreStatic: true,
  concurrency: 2,
  timeoutMS: 10_000,
  timeoutFactor: 1.5,
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 80, break: null },
  // TypeScript 7 (tsgo) has no JS API for Stryker's tsconfig rewrite; vitest needs none of it.
  tsconfigFile: 'tsconfig.stryker-none.json',
  tempDirName: '.stryker-tmp',
  // Not the sandbox of a queue run (stryker.queue.config.mjs) going on meanwhile.
  ignorePatterns: ['/.stryker-tmp-queue', '/reports/mutation-queue'],
  cleanTempDir: 'always',
};
