#!/usr/bin/env node
// `npm run test:e2e` runs `npm run build:test`, then this: checks what the e2e run needs and runs
// the scenarios (tests/e2e/**/*.e2e.ts) in Chromium and Firefox with vitest.e2e.config.ts. Each test
// file starts its own Anytype sandbox on 127.0.0.1:31019 (the e2e build's default URL).
// Extra arguments go to vitest, e.g. `node tests/e2e/run.mjs pairing` or `-t "wrong code"`.
// E2E_BROWSERS=chromium|firefox narrows a local run; E2E_HEADED=1 shows the browsers.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const buildDir = process.env.E2E_BUILD_DIR ? resolve(process.env.E2E_BUILD_DIR) : join(root, '.output/test');
const SANDBOX_PORT = Number(process.env.E2E_SANDBOX_PORT ?? 31019);

function fail(message) {
  console.error(`test:e2e: ${message}`);
  process.exit(1);
}

for (const dir of ['chrome-mv3', 'firefox-mv3']) {
  if (!existsSync(join(buildDir, dir, 'manifest.json'))) {
    fail(`no build in ${join(buildDir, dir)}. Run \`npm run build:test\` first (\`npm run test:e2e\` does).`);
  }
}
const browsers = {
  chromium: process.env.E2E_CHROMIUM ?? '/usr/bin/chromium',
  firefox: process.env.E2E_FIREFOX ?? '/usr/bin/firefox-esr',
};
for (const [name, path] of Object.entries(browsers)) {
  if (!existsSync(path)) fail(`${name} not found at ${path}. Install it: apt-get install -y chromium firefox-esr (.ci/run does).`);
}

/** True when something accepts TCP connections on the port. */
function listening(port) {
  return new Promise((resolvePromise) => {
    const socket = connect({ host: '127.0.0.1', port });
    const done = (result) => {
      socket.destroy();
      resolvePromise(result);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}
if (await listening(SANDBOX_PORT)) {
  fail(`127.0.0.1:${SANDBOX_PORT} is taken (another e2e run, or a sandbox left running). Stop it and run again.`);
}

const vitest = join(root, 'node_modules/.bin/vitest');
const child = spawn(vitest, ['run', '-c', 'vitest.e2e.config.ts', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => {
  process.exit(code ?? (signal ? 1 : 0));
});
