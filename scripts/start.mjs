#!/usr/bin/env node
// `npm start`: build for Chrome and Firefox, make sure something answers on 127.0.0.1:31009
// (Anytype Desktop, or else the sandbox, which prints the pairing codes here), and open Chromium
// with the extension in a persistent dev profile (.e2e-profiles/dev) on a start page
// (scripts/start-page.mjs) that says how to pin the button and shows the pairing state. Without a
// display it prints how to load the extension by hand and keeps the sandbox running. Ctrl-C stops
// everything. `npm start -- --mode strict` (or `current`) starts the sandbox as a newer, stricter
// Anytype (press Enter to approve); `npm start -- --firefox` opens firefox-esr instead, through web-ext.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { browserPath, missingBrowserMessage, startChromiumPath } from './browsers.mjs';
import { parseStartArgs } from './start-options.mjs';
import { chromiumExtensionId, pairingState, serveStartPage, startPageHtml } from './start-page.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PORT = 31009;
const API_URL = `http://127.0.0.1:${PORT}`;
/** Fixed for the dev profile so the options page keeps one address (moz-extension:// ids are random otherwise). */
const DEV_FIREFOX_UUID = '6d1f3a52-8c4e-4b7a-9f20-5e3b7c9d1a40';
const options = parseStartArgs(process.argv.slice(2));
if (options.error) {
  console.error(options.error);
  process.exit(2);
}
const browserName = options.firefox ? 'firefox' : 'chromium';
const browserBinary = options.firefox ? browserPath('firefox') : startChromiumPath();
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

/** With `logFile`, the program's own output goes there, so the terminal shows the pairing codes, not browser noise. */
function start(command, args, name, logFile) {
  const output = logFile ? openSync(logFile, 'w') : 'inherit';
  const child = spawn(command, args, { cwd: root, stdio: logFile ? ['ignore', output, output] : 'inherit' });
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
let sandboxStarted = false;
if (await listening(PORT)) {
  console.log(`Something already listens on 127.0.0.1:${PORT} (Anytype Desktop?): using it, no sandbox started.`);
} else {
  const tsx = join(root, 'node_modules/.bin/tsx');
  start(tsx, ['tests/sandbox/cli.ts', '--port', String(PORT), '--mode', options.mode], 'sandbox');
  sandboxStarted = true;
  const deadline = Date.now() + 20_000;
  while (!(await listening(PORT))) {
    if (Date.now() > deadline) {
      console.error(`The sandbox did not start listening on ${PORT}.`);
      stopAll(1);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

// 3. The start page, then the browser on it (or instructions).
const chromeBuild = join(root, '.output/chrome-mv3');
const firefoxBuild = join(root, '.output/firefox-mv3');
const firefoxManifest = join(firefoxBuild, 'manifest.json');
const geckoId = JSON.parse(readFileSync(firefoxManifest, 'utf8')).browser_specific_settings?.gecko?.id;
const optionsUrl = options.firefox
  ? `moz-extension://${DEV_FIREFOX_UUID}/options.html`
  : `chrome-extension://${chromiumExtensionId(chromeBuild)}/options.html`;

async function readState() {
  if (!sandboxStarted) return pairingState({ sandbox: false });
  const get = async (name) => (await fetch(`${API_URL}/__sandbox/${name}`)).json();
  return pairingState({ sandbox: true, log: await get('log'), pending: await get('pending-challenges') });
}
const startPage = await serveStartPage(
  (state) => startPageHtml({ browser: browserName, optionsUrl, apiUrl: API_URL, mode: sandboxStarted ? options.mode : undefined, state }),
  readState,
);

const afterConnect = sandboxStarted
  ? 'Click the toolbar button, then Connect: the sandbox prints the 4-digit code below when the popup asks for one.'
  : 'Click the toolbar button, then Connect: Anytype Desktop shows the code.';
const display = process.env.DISPLAY || process.env.WAYLAND_DISPLAY;
const hasBrowser = existsSync(browserBinary);
if (display && hasBrowser && !options.firefox) {
  const profile = join(root, '.e2e-profiles/dev');
  mkdirSync(profile, { recursive: true });
  // Chromium ignores chrome:// and extension URLs given on its command line: the start page is plain http.
  const args = [
    `--user-data-dir=${profile}`,
    `--disable-extensions-except=${chromeBuild}`,
    `--load-extension=${chromeBuild}`,
    '--no-first-run',
    '--no-default-browser-check',
    startPage.url,
  ];
  // Chromium refuses to run as root with its sandbox on (containers, CI boxes).
  if (process.getuid?.() === 0) args.unshift('--no-sandbox');
  start(browserBinary, args, 'Chromium', join(profile, 'chromium.log'));
  console.log(`
Chromium is open with the extension from ${chromeBuild}, on ${startPage.url} (how to pin the button, the pairing state).
Its own messages go to ${join(profile, 'chromium.log')}.
Options page: ${optionsUrl}
${afterConnect} Ctrl-C stops everything.
`);
} else if (display && hasBrowser) {
  const profile = join(root, '.e2e-profiles/dev-firefox');
  mkdirSync(profile, { recursive: true });
  const webExt = join(root, 'node_modules/.bin/web-ext');
  const uuids = JSON.stringify({ [geckoId]: DEV_FIREFOX_UUID });
  start(
    webExt,
    ['run', '--source-dir', firefoxBuild, '--firefox', browserBinary, '--firefox-profile', profile, '--profile-create-if-missing',
      '--keep-profile-changes', '--no-reload', '--start-url', startPage.url, '--pref', `extensions.webextensions.uuids=${uuids}`],
    'Firefox',
    join(profile, 'web-ext.log'),
  );
  console.log(`
firefox-esr is starting (web-ext run) with the extension from ${firefoxBuild}, on ${startPage.url}.
Its own messages go to ${join(profile, 'web-ext.log')}.
Options page: ${optionsUrl}. Firefox may ask to grant access to 127.0.0.1: allow it.
${afterConnect} Ctrl-C stops everything.
`);
} else {
  const why = !display ? 'No display (DISPLAY is not set)' : missingBrowserMessage(browserName, browserBinary);
  console.log(`
${why}: load the extension by hand.
  Chrome/Chromium: open chrome://extensions, turn on Developer mode, "Load unpacked" -> ${chromeBuild}
  Firefox:         open about:debugging#/runtime/this-firefox, "Load Temporary Add-on..." -> ${firefoxManifest}
Then open ${startPage.url} in that browser: how to pin the button, and the pairing state.
The extension talks to ${API_URL}. ${afterConnect} Ctrl-C stops everything.
`);
}
// Stay up while the sandbox runs; Ctrl-C ends it.
setInterval(() => undefined, 1 << 30);
