/**
 * The tests of the key vault, the network layer and the error mapping, alone (stryker.network.config.mjs).
 * The error classes and the transport are used by nearly every test of the suite (queue, protocol,
 * background): with the whole Stryker set each of their mutants ran hundreds of unrelated tests, and a
 * run took hours on 2 shared cores. Measured this way, a mutant counts as killed only by these modules'
 * own tests: the score is a floor.
 */
import { defineConfig } from 'vitest/config';
import stryker from './vitest.stryker.config';

export default defineConfig({
  ...stryker,
  test: {
    ...stryker.test,
    include: [
      'tests/unit/keys/**/*.test.ts',
      'tests/unit/anytype/ids.test.ts',
      'tests/unit/anytype/errors.test.ts',
      'tests/unit/anytype/transport.test.ts',
      'tests/unit/anytype/http-errors.test.ts',
      'tests/unit/anytype/error-messages.test.ts',
      'tests/unit/anytype/requests.test.ts',
      'tests/unit/background/origin-rule.test.ts',
      'tests/unit/background/origin-rule-edges.test.ts',
    ],
  },
});
