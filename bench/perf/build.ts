/** Runs the two builds the bench measures: the production Chrome build (sizes) and the Chrome half of `npm run build:test` (timings). */
import { spawnSync } from 'node:child_process';

export const SANDBOX_URL = 'http://127.0.0.1:31019';

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

/** Same environment as package.json's build:test, Chrome only (the bench never loads the Firefox build). */
export function buildTest(root: string): void {
  run('test (.output/test/chrome-mv3)', { ...process.env, E2E_BUILD: '1', WXT_ANYTYPE_URL: SANDBOX_URL }, root);
}
