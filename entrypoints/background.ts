import { browser } from 'wxt/browser';
import { startBackground } from '../lib/background/app';

export default defineBackground(() => {
  // The raw chrome object: the polyfill does not wrap storage.local.setAccessLevel.
  const chromeStorageLocal = (globalThis as { chrome?: { storage?: { local?: unknown } } }).chrome?.storage?.local;
  startBackground(browser, { chromeStorageLocal });
});
