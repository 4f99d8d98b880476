import { defineConfig } from 'vitest/config';

// End-to-end: real Chromium and Firefox with the built extension (npm run build:test) against the
// Anytype sandbox on 127.0.0.1:31019. One file at a time, because that port is fixed.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.ts'],
    fileParallelism: false,
    // A Firefox start is ~5 s; a scenario does a few round trips through the popup and the sandbox.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    teardownTimeout: 30_000,
    // Failing scenarios are real bugs or a broken build: retrying would hide flakiness.
    retry: 0,
  },
});
