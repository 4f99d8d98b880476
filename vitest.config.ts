import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';

export default defineConfig({
  plugins: [WxtVitest(), preact()],
  test: {
    globals: true,
    environment: 'happy-dom',
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    // The fake browser has no i18n: serve the locale files so `#i18n` answers in English.
    setupFiles: ['tests/unit/i18n/setup.ts'],
    testTimeout: 15_000,
  },
});
