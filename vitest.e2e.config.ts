import { configDefaults, defineConfig } from 'vitest/config';

// End-to-end: real Chromium and Firefox with the built extension (npm run build:test), each against
// its own Anytype sandbox. tests/e2e/run.mjs starts one vitest per browser (E2E_BROWSERS); within
// one, files run one at a time, because each starts its sandbox on that browser's fixed port.
// Files named *.chromium.e2e.ts need what only Chromium offers (CDP, a second unpacked extension).
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.ts'],
    exclude: [...configDefaults.exclude, ...(process.env.E2E_BROWSERS === 'chromium' ? [] : ['tests/e2e/**/*.chromium.e2e.ts'])],
    fileParallelism: false,
    // A Firefox start is ~5 s; a scenario does a few round trips through the popup and the sandbox.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    teardownTimeout: 30_000,
    // Failing scenarios are real bugs or a broken build: retrying would hide flakiness.
    retry: 0,
  },
});
