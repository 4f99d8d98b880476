import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { browserPath } from '../../../scripts/browsers.mjs';
import { laneNamed, TEST_BUILD_ROOT } from '../../../scripts/e2e-lanes.mjs';

/** Repository root (this file is tests/e2e/harness/config.ts). */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * This process's lane (scripts/e2e-lanes.mjs): run.mjs starts one vitest per lane and sets
 * E2E_LANE, E2E_SANDBOX_PORT and E2E_EXTENSION_DIR; run alone (`npx vitest -c vitest.e2e.config.ts`),
 * a process takes its browser's first lane.
 */
const LANE = laneNamed(process.env.E2E_LANE, process.env.E2E_BROWSERS ?? 'chromium');

/** The sandbox port of this run: the port the lane's build names (E2E_SANDBOX_PORT for a private build). */
export const SANDBOX_PORT = Number(process.env.E2E_SANDBOX_PORT ?? LANE.port);

/** `npm run build:test` writes here; E2E_BUILD_DIR points a run at a copy (e.g. while a rebuild runs). */
const BUILD_DIR = process.env.E2E_BUILD_DIR ? resolve(process.env.E2E_BUILD_DIR) : join(ROOT, TEST_BUILD_ROOT);
/** The build this process loads: its lane's, unless run.mjs named one. */
function extensionDir(browser: 'chromium' | 'firefox'): string {
  if (process.env.E2E_EXTENSION_DIR && LANE.browser === browser) return resolve(process.env.E2E_EXTENSION_DIR);
  return join(BUILD_DIR, (LANE.browser === browser ? LANE : laneNamed(undefined, browser)).build);
}
export const CHROMIUM_EXTENSION_DIR = extensionDir('chromium');
export const FIREFOX_EXTENSION_DIR = extensionDir('firefox');

export const CHROMIUM_PATH = browserPath('chromium');
export const FIREFOX_PATH = browserPath('firefox');

export const GECKO_ID = 'clip-to-anytype@clip-to-anytype.dev';
/** Fixed through the `extensions.webextensions.uuids` pref so the harness knows the popup's URL. */
export const FIREFOX_UUID = '0f2c8c7e-5a1d-4c3b-9e6f-c11f70a7e2e1';

/** Screenshots for the README (Chromium) and per-run artifacts (failures, Firefox). */
export const DOCS_SCREENSHOTS = join(ROOT, 'docs/screenshots');
export const ARTIFACTS = join(ROOT, 'test-results/e2e');

/** Headed runs (E2E_HEADED=1) are for watching a scenario locally; CI is always headless. */
export const HEADLESS = process.env.E2E_HEADED !== '1';

export function assertBuilt(dir: string): void {
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`No extension build at ${dir}. Run \`npm run build:test\` first (npm run test:e2e does).`);
  }
}
