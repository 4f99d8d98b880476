// The write-ahead queue, measured with its own tests only (vitest.stryker.queue.config.ts says why).
// One file at a time fits a working session: `npx stryker run stryker.queue.config.mjs --mutate lib/queue/storage.ts`.
import base from './stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  mutate: ['lib/queue/*.ts', '!lib/queue/index.ts'],
  vitest: { ...base.vitest, configFile: 'vitest.stryker.queue.config.ts' },
  // Results of its own: kept apart from those of the whole set, whose tests differ.
  incrementalFile: 'reports/stryker-incremental-queue.json',
  htmlReporter: { fileName: 'reports/mutation-queue/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation-queue/mutation.json' },
  tempDirName: '.stryker-tmp-queue',
  // Not another run's sandbox (the main config's may be in use meanwhile).
  ignorePatterns: ['/.stryker-tmp', '/reports/mutation'],
};
