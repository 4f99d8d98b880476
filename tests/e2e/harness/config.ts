import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { browserPath } from '../../../scripts/browsers.mjs';

/** Repository root (this file is tests/e2e/harness/config.ts). */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * The e2e builds' Anytype URLs point here (`npm run build:test`): one port per browser, so that
 * run.mjs can run the Chromium and the Firefox halves at once, each against its own sandbox.
 */
export const BUILD_SANDBOX_PORTS = { chromium: 31019, firefox: 31029 } as const;

/**
 * The sandbox port of this run: a process runs one browser (run.mjs starts one per browser).
 * E2E_SANDBOX_PORT is for a private build made with another WXT_ANYTYPE_URL, so two runs can
 * share a machine.
 */
export const SANDBOX_PORT = Number(
  process.env.E2E_SANDBOX_PORT ?? (process.env.E2E_BROWSERS === 'firefox' ? BUILD_SANDBOX_PORTS.firefox : BUILD_SANDBOX_PORTS.chromium),
);

/** `npm run build:test` writes here; E2E_BUILD_DIR points a run at a copy (e.g. while a rebuild runs). */
const BUILD_DIR = process.env.E2E_BUILD_DIR ? resolve(process.env.E2E_BUILD_DIR) : join(ROOT, '.output/test');
export const CHROMIUM_EXTENSION_DIR = join(BUILD_DIR, 'chrome-mv3');
export const FIREFOX_EXTENSION_DIR = join(BUILD_DIR, 'firefox-mv3');

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
