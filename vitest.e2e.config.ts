import { configDefaults, defineConfig } from 'vitest/config';
import WeightedShardSequencer from './tests/e2e/harness/weighted-shards';

// End-to-end: real Chromium and Firefox with the built extension (npm run build:test), each lane
// against its own Anytype sandbox. tests/e2e/run.mjs starts one vitest per lane (E2E_LANE,
// scripts/e2e-lanes.mjs); within one, files run one at a time, because each starts its sandbox on
// the lane's fixed port.
// Files named *.chromium.e2e.ts need what only Chromium offers (CDP, a second unpacked extension).
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.ts'],
    exclude: [...configDefaults.exclude, ...(process.env.E2E_BROWSERS === 'chromium' ? [] : ['tests/e2e/**/*.chromium.e2e.ts'])],
    fileParallelism: false,
    // A browser with two lanes splits its files by weight (tests/e2e/harness/weighted-shards.ts).
    sequence: { sequencer: WeightedShardSequencer },
    // A Firefox start is ~5 s; a scenario does a few round trips through the popup and the sandbox.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    teardownTimeout: 30_000,
    // Failing scenarios are real bugs or a broken build: retrying would hide flakiness.
    retry: 0,
  },
});
