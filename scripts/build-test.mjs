#!/usr/bin/env node
// `npm run build:test`: the e2e build for Chromium and Firefox in .output/test/.
// E2E_BUILD=1 makes popup.html web-accessible (the Firefox harness opens it with window.open);
// WXT_ANYTYPE_URL points the default connection at the e2e sandbox's fixed port, never at a real
// Anytype on 31009.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const wxt = join(root, 'node_modules/.bin/wxt');
const env = { ...process.env, E2E_BUILD: '1', WXT_ANYTYPE_URL: 'http://127.0.0.1:31019' };
const targets = [
  ['chrome', ['-b', 'chrome'], 'chrome-mv3'],
  ['firefox', ['-b', 'firefox', '--mv3'], 'firefox-mv3'],
];

for (const [name, args, dir] of targets) {
  const run = spawnSync(wxt, ['build', '-c', 'scripts/wxt.e2e.config.ts', ...args], { cwd: root, env, stdio: 'inherit' });
  if (run.status !== 0) {
    console.error(`build:test: the ${name} build failed`);
    process.exit(run.status ?? 1);
  }
  if (!existsSync(join(root, '.output/test', dir, 'manifest.json'))) {
    console.error(`build:test: no manifest in .output/test/${dir}`);
    process.exit(1);
  }
}
