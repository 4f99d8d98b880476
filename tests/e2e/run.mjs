#!/usr/bin/env node
// `npm run test:e2e` runs `npm run build:test`, then this: checks what the e2e run needs and runs
// the scenarios (tests/e2e/**/*.e2e.ts) with vitest.e2e.config.ts, one vitest per browser, both at
// once: each test build talks to its own sandbox port (Chromium 31019, Firefox 31029), so the two
// halves share nothing but the machine. Output lines carry the browser's name.
// Extra arguments go to vitest, e.g. `node tests/e2e/run.mjs pairing` or `-t "wrong code"`.
// E2E_BROWSERS=chromium|firefox runs one browser; E2E_SERIAL=1 runs them one after the other;
// E2E_HEADED=1 shows the browsers.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { browserPath, missingBrowserMessage } from '../../scripts/browsers.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const buildDir = process.env.E2E_BUILD_DIR ? resolve(process.env.E2E_BUILD_DIR) : join(root, '.output/test');

/** Kept in step with BUILD_SANDBOX_PORTS in harness/config.ts and the ports in package.json's build:test. */
const BROWSERS = {
  chromium: { build: 'chrome-mv3', port: 31019, path: browserPath('chromium') },
  firefox: { build: 'firefox-mv3', port: 31029, path: browserPath('firefox') },
};

function fail(message) {
  console.error(`test:e2e: ${message}`);
  process.exit(1);
}

const names = process.env.E2E_BROWSERS ? process.env.E2E_BROWSERS.split(',').map((s) => s.trim()) : Object.keys(BROWSERS);
for (const name of names) {
  const browser = BROWSERS[name];
  if (!browser) fail(`E2E_BROWSERS names ${name}; known: ${Object.keys(BROWSERS).join(', ')}.`);
  if (!existsSync(join(buildDir, browser.build, 'manifest.json'))) {
    fail(`no build in ${join(buildDir, browser.build)}. Run \`npm run build:test\` first (\`npm run test:e2e\` does).`);
  }
  if (!existsSync(browser.path)) fail(missingBrowserMessage(name, browser.path));
}
if (process.env.E2E_SANDBOX_PORT && names.length > 1) fail('E2E_SANDBOX_PORT names one port: set E2E_BROWSERS to one browser too.');

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

const portOf = (name) => Number(process.env.E2E_SANDBOX_PORT ?? BROWSERS[name].port);
for (const name of names) {
  if (await listening(portOf(name))) {
    fail(`127.0.0.1:${portOf(name)} is taken (another e2e run, or a sandbox left running). Stop it and run again.`);
  }
}

const vitest = join(root, 'node_modules/.bin/vitest');
const children = new Set();
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const child of children) child.kill(signal);
  });
}

/** One browser's half of the suite; resolves with its exit code. */
function runBrowser(name) {
  const child = spawn(vitest, ['run', '-c', 'vitest.e2e.config.ts', ...process.argv.slice(2)], {
    cwd: root,
    env: { ...process.env, E2E_BROWSERS: name, E2E_SANDBOX_PORT: String(portOf(name)) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  const label = `[${name}]`.padEnd(11);
  for (const [stream, sink] of [
    [child.stdout, process.stdout],
    [child.stderr, process.stderr],
  ]) {
    createInterface({ input: stream }).on('line', (line) => sink.write(`${label}${line}\n`));
  }
  return new Promise((resolvePromise) => {
    child.on('exit', (code, signal) => {
      children.delete(child);
      resolvePromise(code ?? (signal ? 1 : 0));
    });
  });
}

const started = Date.now();
const codes = [];
if (process.env.E2E_SERIAL === '1') {
  for (const name of names) codes.push(await runBrowser(name));
} else {
  codes.push(...(await Promise.all(names.map(runBrowser))));
}
const failed = names.filter((_, i) => codes[i] !== 0);
console.log(`test:e2e: ${names.join(' + ')} in ${((Date.now() - started) / 1000).toFixed(0)} s${failed.length ? `; failed: ${failed.join(', ')}` : ''}`);
process.exit(failed.length ? 1 : 0);
