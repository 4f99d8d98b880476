#!/usr/bin/env node
// `npm start`: build for Chrome and Firefox, make sure something answers on 127.0.0.1:31009
// (Anytype Desktop, or else the sandbox, which prints the pairing codes here), and open Chromium
// with the extension in a persistent dev profile (.e2e-profiles/dev). Without a display it prints
// how to load the extension by hand and keeps the sandbox running. Ctrl-C stops everything.
// `npm start -- --mode strict` starts the sandbox as a newer, stricter Anytype (press Enter to approve).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { connect } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PORT = 31009;
const { values } = parseArgs({ options: { mode: { type: 'string', default: 'classic' } } });
const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const children = new Set();

function stopAll(code) {
  for (const child of children) child.kill('SIGTERM');
  process.exit(code);
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

/** True when something accepts TCP connections on 127.0.0.1:port. */
function listening(port) {
  return new Promise((done) => {
    const socket = connect({ host: '127.0.0.1', port });
    const finish = (result) => {
      socket.destroy();
      done(result);
    };
    socket.setTimeout(1000, () => finish(false));
    socket.once('connect', () => finish(true));
    socket.once('error', () => finish(false));
  });
}

function start(command, args, name) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
  children.add(child);
  child.on('exit', (code, signal) => {
    children.delete(child);
    console.log(`${name} exited (${signal ?? code}).`);
    if (name === 'sandbox') stopAll(code ?? 1);
    else if (children.size > 0) console.log('The sandbox keeps running; Ctrl-C stops it.');
    else stopAll(0);
  });
  return child;
}

// 1. Build both browsers (the release build talks to 127.0.0.1:31009 by default).
const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

// 2. Anytype or the sandbox on 31009.
if (await listening(PORT)) {
  console.log(`Something already listens on 127.0.0.1:${PORT} (Anytype Desktop?): using it, no sandbox started.`);
} else {
  const tsx = join(root, 'node_modules/.bin/tsx');
  start(tsx, ['tests/sandbox/cli.ts', '--port', String(PORT), '--mode', values.mode], 'sandbox');
  const deadline = Date.now() + 20_000;
  while (!(await listening(PORT))) {
    if (Date.now() > deadline) {
      console.error(`The sandbox did not start listening on ${PORT}.`);
      stopAll(1);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

// 3. Chromium with the extension, or instructions.
const chromeBuild = join(root, '.output/chrome-mv3');
const firefoxManifest = join(root, '.output/firefox-mv3/manifest.json');
const display = process.env.DISPLAY || process.env.WAYLAND_DISPLAY;
const hasChromium = existsSync(chromiumPath);
if (display && hasChromium) {
  const profile = join(root, '.e2e-profiles/dev');
  mkdirSync(profile, { recursive: true });
  const args = [
    `--user-data-dir=${profile}`,
    `--disable-extensions-except=${chromeBuild}`,
    `--load-extension=${chromeBuild}`,
    '--no-first-run',
    '--no-default-browser-check',
    'chrome://extensions/',
  ];
  // Chromium refuses to run as root with its sandbox on (containers, CI boxes).
  if (process.getuid?.() === 0) args.unshift('--no-sandbox');
  start(chromiumPath, args, 'Chromium');
  console.log(`Chromium is open with the extension from ${chromeBuild}. Ctrl-C stops everything.`);
} else {
  const why = !display ? 'No display (DISPLAY is not set)' : `No Chromium at ${chromiumPath}`;
  console.log(`
${why}: load the extension by hand.
  Chrome/Chromium: open chrome://extensions, turn on Developer mode, "Load unpacked" -> ${chromeBuild}
  Firefox:         open about:debugging#/runtime/this-firefox, "Load Temporary Add-on..." -> ${firefoxManifest}
The extension talks to http://127.0.0.1:${PORT}; the sandbox prints pairing codes above. Ctrl-C stops everything.
`);
}
// Stay up while the sandbox runs; Ctrl-C ends it.
setInterval(() => undefined, 1 << 30);
