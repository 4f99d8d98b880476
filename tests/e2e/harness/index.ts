import { launchChromium } from './chromium';
import { launchFirefox } from './firefox';
import type { BrowserName, BrowserSession } from './types';

export { ARTIFACTS, DOCS_SCREENSHOTS, SANDBOX_PORT } from './config';
export { useSandbox } from './sandbox';
export { useBrowser } from './session';
export type { BrowserName, BrowserSession, ExtensionGlobal, PopupPage, Role } from './types';
export { waitUntil } from './wait';
export { launchChromium, launchFirefox };

export interface BrowserTarget {
  name: BrowserName;
  launch: () => Promise<BrowserSession>;
}

const ALL: BrowserTarget[] = [
  { name: 'chromium', launch: () => launchChromium() },
  { name: 'firefox', launch: () => launchFirefox() },
];

/** Every scenario runs in both browsers; E2E_BROWSERS=chromium (or firefox) narrows a local run. */
export const BROWSERS: BrowserTarget[] = (() => {
  const wanted = process.env.E2E_BROWSERS?.split(',').map((s) => s.trim());
  if (!wanted) return ALL;
  const chosen = ALL.filter((b) => wanted.includes(b.name));
  if (chosen.length === 0) throw new Error(`E2E_BROWSERS=${process.env.E2E_BROWSERS} names no known browser`);
  return chosen;
})();
