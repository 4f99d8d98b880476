// The e2e run's lanes, written once: each lane is one test build, one vitest process and one
// sandbox port, and tests/e2e/run.mjs runs all lanes at once. The Firefox half takes longer than
// the Chromium half (a Firefox restart per test, BiDi round trips), so its files are split over
// two lanes, each with its own build pointing at its own port. Imported by scripts/build-test.mjs
// (`npm run build:test`), tests/e2e/run.mjs, tests/e2e/harness/config.ts and the bench.

/**
 * @typedef {object} E2eLane
 * @property {string} name        the prefix of the lane's output lines and E2E_LANE's value
 * @property {'chromium' | 'firefox'} browser
 * @property {'chrome' | 'firefox'} target  `wxt build -b`
 * @property {string} build       the build's folder under .output/test
 * @property {number} port        the sandbox port the build's Anytype URL names
 * @property {[number, number]} shard  this lane's share of the browser's files (vitest --shard)
 */

/** @type {readonly E2eLane[]} */
export const E2E_LANES = [
  { name: 'chromium', browser: 'chromium', target: 'chrome', build: 'chrome-mv3', port: 31019, shard: [1, 1] },
  { name: 'firefox', browser: 'firefox', target: 'firefox', build: 'firefox-mv3', port: 31029, shard: [1, 2] },
  { name: 'firefox-2', browser: 'firefox', target: 'firefox', build: 'firefox-mv3-2', port: 31039, shard: [2, 2] },
];

/** Where `npm run build:test` writes the lanes' builds. */
export const TEST_BUILD_ROOT = '.output/test';

/** The Anytype URL a lane's build talks to. */
export function laneUrl(lane) {
  return `http://127.0.0.1:${lane.port}`;
}

/** The lanes that run the named browsers (E2E_BROWSERS, comma-separated; all when empty). */
export function lanesFor(browsers) {
  const names = browsers ? browsers.split(',').map((s) => s.trim()) : [...new Set(E2E_LANES.map((lane) => lane.browser))];
  for (const name of names) {
    if (!E2E_LANES.some((lane) => lane.browser === name)) {
      throw new Error(`E2E_BROWSERS names ${name}; known: ${[...new Set(E2E_LANES.map((l) => l.browser))].join(', ')}.`);
    }
  }
  return E2E_LANES.filter((lane) => names.includes(lane.browser));
}

/** The lane called `name` (E2E_LANE); the browser's first lane when unset. */
export function laneNamed(name, browser) {
  const lane = name ? E2E_LANES.find((l) => l.name === name) : E2E_LANES.find((l) => l.browser === browser);
  if (!lane) throw new Error(`E2E_LANE names ${name}; known: ${E2E_LANES.map((l) => l.name).join(', ')}.`);
  return lane;
}
