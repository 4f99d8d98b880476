/**
 * The unit tests Stryker runs (stryker.config.mjs): those of the mutated modules, with the same
 * plugins and setup as vitest.config.ts. The boundary fuzz (10,000 generated messages, ~20 s) is
 * left out here: it covers every router mutant and would run for each of them; the sender table,
 * the sender matrix and the router tests hold those. The fault soak (200 clips, five seeds) covers
 * nearly every queue mutant the same way; the queue's own fault and property tests hold those.
 */
import { defineConfig } from 'vitest/config';
import base from './vitest.config';

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: [
      'tests/unit/protocol/**/*.test.ts',
      'tests/unit/keys/**/*.test.ts',
      'tests/unit/queue/**/*.test.ts',
      'tests/unit/anytype/ids.test.ts',
      'tests/unit/anytype/errors.test.ts',
      'tests/unit/anytype/transport.test.ts',
      'tests/unit/anytype/http-errors.test.ts',
      'tests/unit/anytype/error-messages.test.ts',
      'tests/unit/anytype/requests.test.ts',
      'tests/unit/anytype/client-sandbox.test.ts',
      'tests/unit/background/origin-rule.test.ts',
      'tests/unit/background/origin-rule-edges.test.ts',
      'tests/unit/background/key-grants.test.ts',
      'tests/unit/background/connection-service.test.ts',
    ],
    // The machine is shared: a property test that takes 2 s alone can pass 15 s under load. Stryker
    // times each mutant out by itself (stryker.config.mjs timeoutMS), from the dry run's own times.
    testTimeout: 60_000,
    exclude: ['tests/unit/protocol/boundary-fuzz.test.ts', 'tests/unit/queue/soak.test.ts', 'node_modules/**'],
  },
});
