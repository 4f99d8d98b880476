/**
 * The queue's own tests, alone (stryker.queue.config.mjs): the protocol and background tests also
 * reach the queue, and with them each queue mutant ran far more tests than it needs on 2 shared
 * cores. A mutant counts as killed only by the queue's tests: the score is a floor.
 */
import { defineConfig } from 'vitest/config';
import stryker from './vitest.stryker.config';

export default defineConfig({
  ...stryker,
  test: { ...stryker.test, include: ['tests/unit/queue/**/*.test.ts'] },
});
