import { launchChromium } from './chromium';
import { launchFirefox } from './firefox';
import type { BrowserName, BrowserSession } from './types';

export { ARTIFACTS, DOCS_SCREENSHOTS, SANDBOX_PORT } from './config';
export { useSandbox } from './sandbox';
export { useBrowser } from './session';
export type { BrowserName, BrowserSession, ExtensionGlobal, PopupPage, Role } from './types';
export { navigateWithin } from './navigate';
export { waitUntil } from './wait';
export { launchChromium, launchFirefox };

export interface BrowserTarget {
  name: BrowserName;
  /** `lang` (e.g. 'de'): the browser, and so the extension, in that language. */
  launch: (lang?: string) => Promise<BrowserSession>;
}

const ALL: BrowserTarget[] = [
  { name: 'chromium', launch: (lang) => launchChromium(undefined, lang) },
  { name: 'firefox', launch: (lang) => launchFirefox(undefined, lang) },
];

/**
 * Every scenario runs in both browsers, one browser per process: each test build talks to its own
 * sandbox port (config.ts), and a file's sandbox serves the whole file. run.mjs starts one process
 * per browser and sets E2E_BROWSERS for each.
 */
export const BROWSERS: BrowserTarget[] = (() => {
  const wanted = process.env.E2E_BROWSERS?.trim();
  const chosen = ALL.filter((b) => b.name === wanted);
  if (chosen.length === 0) {
    throw new Error(`E2E_BROWSERS=${wanted ?? ''} must name one browser (chromium or firefox); run the e2e tests with node tests/e2e/run.mjs`);
  }
  return chosen;
})();
