/** Runs the two builds the bench measures: the production Chrome build (sizes) and the Chrome half of `npm run build:test` (timings). */
import { spawnSync } from 'node:child_process';
import { laneNamed, laneUrl } from '../../scripts/e2e-lanes.mjs';

/** The Chromium e2e lane's build and port: the bench uses that build. */
export const CHROMIUM_LANE = laneNamed(undefined, 'chromium');
export const SANDBOX_URL = laneUrl(CHROMIUM_LANE);

function run(label: string, env: NodeJS.ProcessEnv, root: string): void {
  const started = Date.now();
  const result = spawnSync('npx', ['wxt', 'build', '-b', 'chrome'], { cwd: root, env, encoding: 'utf8' });
  if (result.status !== 0) {
    process.stderr.write(result.stdout + result.stderr);
    throw new Error(`${label} build failed (exit ${result.status ?? result.signal})`);
  }
  process.stderr.write(`bench: ${label} build done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

export function buildProduction(root: string): void {
  // A release build must not pick up the test switches from the caller's shell.
  const env = { ...process.env };
  delete env.E2E_BUILD;
  delete env.WXT_ANYTYPE_URL;
  run('production (.output/chrome-mv3)', env, root);
}

/** `npm run build:test`'s Chromium lane (the bench never loads the Firefox builds). */
export function buildTest(root: string): void {
  const started = Date.now();
  const result = spawnSync(process.execPath, ['scripts/build-test.mjs', 'chromium'], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) {
    process.stderr.write(result.stdout + result.stderr);
    throw new Error(`test build failed (exit ${result.status ?? result.signal})`);
  }
  process.stderr.write(`bench: test (.output/test/${CHROMIUM_LANE.build}) build done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}
