#!/usr/bin/env node
// `npm run test:e2e` runs `npm run build:test`, then this: checks what the e2e run needs and runs
// the scenarios (tests/e2e/**/*.e2e.ts) with vitest.e2e.config.ts, one vitest per lane
// (scripts/e2e-lanes.mjs), all at once: each lane's build talks to its own sandbox port, so the
// lanes share nothing but the machine. A browser with two lanes splits its files between them
// (vitest --shard). Output lines carry the lane's name.
// Extra arguments go to vitest, e.g. `node tests/e2e/run.mjs pairing` or `-t "wrong code"`.
// E2E_BROWSERS=chromium|firefox runs one browser; E2E_SERIAL=1 runs the lanes one after the other;
// E2E_HEADED=1 shows the browsers.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { browserPath, missingBrowserMessage } from '../../scripts/browsers.mjs';
import { TEST_BUILD_ROOT, lanesFor } from '../../scripts/e2e-lanes.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const buildDir = process.env.E2E_BUILD_DIR ? resolve(process.env.E2E_BUILD_DIR) : join(root, TEST_BUILD_ROOT);

function fail(message) {
  console.error(`test:e2e: ${message}`);
  process.exit(1);
}

let lanes;
try {
  lanes = lanesFor(process.env.E2E_BROWSERS);
} catch (error) {
  fail(error.message);
}
// A private build (E2E_BUILD_DIR with E2E_SANDBOX_PORT) is one lane: the browser's first.
if (process.env.E2E_SANDBOX_PORT) {
  if (new Set(lanes.map((lane) => lane.browser)).size > 1) fail('E2E_SANDBOX_PORT names one port: set E2E_BROWSERS to one browser too.');
  lanes = [{ ...lanes[0], port: Number(process.env.E2E_SANDBOX_PORT), shard: [1, 1] }];
}
for (const lane of lanes) {
  if (!existsSync(join(buildDir, lane.build, 'manifest.json'))) {
    fail(`no build in ${join(buildDir, lane.build)}. Run \`npm run build:test\` first (\`npm run test:e2e\` does).`);
  }
  const path = browserPath(lane.browser);
  if (!existsSync(path)) fail(missingBrowserMessage(lane.browser, path));
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

for (const lane of lanes) {
  if (await listening(lane.port)) {
    fail(`127.0.0.1:${lane.port} is taken (another e2e run, or a sandbox left running). Stop it and run again.`);
  }
}

const vitest = join(root, 'node_modules/.bin/vitest');
const children = new Set();
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const child of children) child.kill(signal);
  });
}

/** One lane's share of the suite; resolves with its exit code. */
function runLane(lane) {
  const [index, count] = lane.shard;
  // A filtered run can leave a lane's share empty: that is not a failure.
  const shard = count > 1 ? [`--shard=${index}/${count}`, '--passWithNoTests'] : [];
  const child = spawn(vitest, ['run', '-c', 'vitest.e2e.config.ts', ...shard, ...process.argv.slice(2)], {
    cwd: root,
    env: {
      ...process.env,
      E2E_BROWSERS: lane.browser,
      E2E_LANE: lane.name,
      E2E_SANDBOX_PORT: String(lane.port),
      E2E_EXTENSION_DIR: join(buildDir, lane.build),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  const label = `[${lane.name}]`.padEnd(12);
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
  for (const lane of lanes) codes.push(await runLane(lane));
} else {
  codes.push(...(await Promise.all(lanes.map(runLane))));
}
const failed = lanes.filter((_, i) => codes[i] !== 0).map((lane) => lane.name);
console.log(`test:e2e: ${lanes.map((lane) => lane.name).join(' + ')} in ${((Date.now() - started) / 1000).toFixed(0)} s${failed.length ? `; failed: ${failed.join(', ')}` : ''}`);
process.exit(failed.length ? 1 : 0);
