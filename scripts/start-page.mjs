// The page `npm start` opens in the browser it launches: how to pin the button, the extension's
// options page by its URL, and the pairing state the sandbox sees, refreshed while it is open.
// Pure functions (tested in tests/unit/repo/start.test.ts) and the tiny server that serves them.
import { createHash } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { createServer } from 'node:http';

/**
 * The id Chromium gives an unpacked extension whose manifest has no `key`: the first 128 bits of
 * SHA-256 over its absolute path, each hex digit written as a letter a–p.
 */
export function chromiumExtensionIdForPath(absolutePath) {
  const hex = createHash('sha256').update(absolutePath).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + Number.parseInt(digit, 16))).join('');
}

/** The same for a folder on disk, as Chromium sees it (symbolic links resolved). */
export function chromiumExtensionId(dir) {
  return chromiumExtensionIdForPath(realpathSync(dir));
}

/**
 * What the sandbox has seen of the extension, from its request log and waiting pairing requests:
 * `paired` once a request with a key got a 2xx, `code` while a code waits to be typed, `approve`
 * while a strict-mode request waits for Enter, `idle` before Connect. `desktop` when something else
 * (Anytype Desktop) answers, so there is nothing to read.
 */
export function pairingState({ sandbox, log = [], pending = [] }) {
  if (!sandbox) return { kind: 'desktop' };
  const waiting = pending.at(-1);
  if (waiting && !waiting.approved) return { kind: 'approve', appName: waiting.appName };
  if (waiting?.code) return { kind: 'code', code: waiting.code, appName: waiting.appName };
  const used = log.some((e) => e.authorization && e.status >= 200 && e.status < 300 && !e.path.startsWith('/v1/auth/'));
  const issued = log.some((e) => e.method === 'POST' && e.path === '/v1/auth/api_keys' && e.status >= 200 && e.status < 300);
  return used || issued ? { kind: 'paired' } : { kind: 'idle' };
}

/** One sentence for a pairing state; the page and the terminal say the same. */
export function pairingSentence(state) {
  switch (state.kind) {
    case 'desktop':
      return 'Anytype Desktop (or another program) answers on the API port: pair from the popup, Desktop shows the code.';
    case 'approve':
      return `A pairing request from “${state.appName}” waits for approval: press Enter in the npm start terminal (Desktop would ask you to approve it).`;
    case 'code':
      return `Type the code ${state.code} in the popup (the terminal printed it too).`;
    case 'paired':
      return 'Paired: the extension holds a key and the sandbox answers it. Clip away.';
    default:
      return 'Not paired yet: click the toolbar button, then Connect. The sandbox prints the 4-digit code in the terminal.';
  }
}

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text) => String(text).replace(/[&<>"']/g, (c) => ESCAPES[c]);

/**
 * The start page. `browser` is 'chromium' or 'firefox'; `optionsUrl` the extension's options page,
 * which a web page may not link to (extension pages are not web-accessible), hence shown to copy.
 */
export function startPageHtml({ browser, optionsUrl, apiUrl, mode, state }) {
  const pin =
    browser === 'firefox'
      ? 'Click the puzzle-piece button (Extensions) at the right of the toolbar, then the cog beside Clip to Anytype › Pin to Toolbar.'
      : 'Click the puzzle-piece button (Extensions) at the right of the toolbar, then the pin beside Clip to Anytype.';
  const sandboxNote = mode
    ? `The Anytype sandbox (${escapeHtml(mode)} mode) answers at ${escapeHtml(apiUrl)}; its pairing codes appear in the npm start terminal after you click Connect.`
    : `Something already answers at ${escapeHtml(apiUrl)} (Anytype Desktop?): npm start uses it.`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Clip to Anytype: npm start</title>
<style>
body { font: 16px/1.5 system-ui, sans-serif; max-width: 42rem; margin: 2rem auto; padding: 0 1rem; }
code, input { font: 14px ui-monospace, monospace; }
input { width: 100%; padding: .3rem; }
#state { padding: .6rem .8rem; border-left: 4px solid #2a6; background: #f3f7f4; }
</style>
</head>
<body>
<h1>Clip to Anytype is loaded</h1>
<h2>Pairing</h2>
<p id="state" role="status">${escapeHtml(pairingSentence(state))}</p>
<p>${sandboxNote}</p>
<h2>1. Pin the button</h2>
<p>${pin}</p>
<h2>2. Connect</h2>
<p>Click the button, then <strong>Connect</strong>, and type the 4-digit code. Or choose <strong>Use an API key</strong>.</p>
<h2>3. Clip</h2>
<p>Open any article, click the button and <strong>Save to Anytype</strong>; or right-click a page, link or image.</p>
<h2>Options</h2>
<p>Right-click the button › Options, or paste this address into the address bar (a web page may not link to it):</p>
<p><input readonly aria-label="Options page address" value="${escapeHtml(optionsUrl)}" onfocus="this.select()"></p>
<script>
setInterval(async () => {
  try {
    const answer = await fetch('/state', { cache: 'no-store' });
    if (answer.ok) document.getElementById('state').textContent = (await answer.json()).sentence;
  } catch {}
}, 1500);
</script>
</body>
</html>
`;
}

/**
 * Serves the page on 127.0.0.1 (a free port) and `/state` as JSON; `readState` is asked on each
 * request. Resolves with the page's URL and a close function.
 */
export async function serveStartPage(page, readState) {
  const server = createServer(async (req, res) => {
    if (req.url === '/state') {
      const sentence = pairingSentence(await readState().catch(() => ({ kind: 'idle' })));
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify({ sentence }));
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(page(await readState().catch(() => ({ kind: 'idle' }))));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() };
}
