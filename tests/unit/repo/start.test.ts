// `npm start`'s parts that need no display: its command line, the extension id it links, the pairing
// state it reads from the sandbox, and the start page it serves.
import { get } from 'node:http';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseStartArgs, START_USAGE } from '../../../scripts/start-options.mjs';
import {
  chromiumExtensionIdForPath,
  pairingSentence,
  pairingState,
  serveStartPage,
  startPageHtml,
  type PairingState,
} from '../../../scripts/start-page.mjs';

/** Node's own HTTP client: the test DOM's fetch enforces a page origin. */
function fetchText(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    get(url, (res) => {
      let body = '';
      res.on('data', (chunk) => {
        body += chunk;
      });
      res.on('end', () => resolve(body));
    }).on('error', reject);
  });
}

const ok = (path: string, method = 'GET') => ({ method, path, authorization: 'Bearer k', status: 200 });

describe('npm start', () => {
  it('takes --mode as given (the sandbox knows its modes) and --firefox', () => {
    expect(parseStartArgs([])).toEqual({ mode: 'classic', firefox: false });
    expect(parseStartArgs(['--mode', 'current'])).toEqual({ mode: 'current', firefox: false });
    expect(parseStartArgs(['--mode=strict', '--firefox'])).toEqual({ mode: 'strict', firefox: true });
    const wrong = parseStartArgs(['--chrome']);
    expect(wrong.error).toContain('--chrome');
    expect(wrong.error).toContain(START_USAGE);
  });

  it("computes the id Chromium gives an unpacked extension (checked against Chromium 150's DevTools list)", () => {
    expect(chromiumExtensionIdForPath('/tmp/clip-id-check/ext')).toBe('bdpcmbcdldfkppnggblmpdchkndchejc');
    fc.assert(fc.property(fc.string({ minLength: 1 }), (path) => /^[a-p]{32}$/.test(chromiumExtensionIdForPath(`/${path}`))));
  });

  it('reads the pairing state from what the sandbox saw', () => {
    expect(pairingState({ sandbox: false, log: [ok('/v1/spaces')] })).toEqual({ kind: 'desktop' });
    expect(pairingState({ sandbox: true })).toEqual({ kind: 'idle' });
    expect(pairingState({ sandbox: true, pending: [{ appName: 'Clip', code: '1234', approved: false }] })).toEqual({ kind: 'approve', appName: 'Clip' });
    expect(pairingState({ sandbox: true, pending: [{ appName: 'Clip', code: '1234', approved: true }] })).toEqual({ kind: 'code', code: '1234', appName: 'Clip' });
    expect(pairingState({ sandbox: true, log: [ok('/v1/auth/api_keys', 'POST')] })).toEqual({ kind: 'paired' });
    expect(pairingState({ sandbox: true, log: [ok('/v1/spaces')] })).toEqual({ kind: 'paired' });
    // A refused key or a request without one is not a pairing.
    expect(pairingState({ sandbox: true, log: [{ ...ok('/v1/spaces'), status: 401 }, { ...ok('/v1/spaces'), authorization: null }] })).toEqual({ kind: 'idle' });
    expect(pairingSentence({ kind: 'code', code: '4821', appName: 'Clip' })).toContain('4821');
  });

  it('shows the options address and the state as text, whatever they hold', () => {
    const states = fc.oneof(
      fc.constant<PairingState>({ kind: 'idle' }),
      fc.constant<PairingState>({ kind: 'paired' }),
      fc.string().map((appName): PairingState => ({ kind: 'approve', appName })),
      fc.string().map((code): PairingState => ({ kind: 'code', code, appName: 'x' })),
    );
    fc.assert(
      fc.property(fc.string(), fc.string(), states, fc.constantFrom('chromium' as const, 'firefox' as const), (optionsUrl, mode, state, browser) => {
        const html = startPageHtml({ browser, optionsUrl, apiUrl: 'http://127.0.0.1:31009', mode, state });
        const doc = new DOMParser().parseFromString(html, 'text/html');
        expect(doc.querySelector('input')?.value).toBe(optionsUrl);
        expect(doc.getElementById('state')?.textContent).toBe(pairingSentence(state));
        expect(doc.querySelectorAll('script')).toHaveLength(1);
        expect(doc.body.textContent).toContain(browser === 'firefox' ? 'Pin to Toolbar' : 'the pin beside');
      }),
    );
  });

  it('serves the page and its state', async () => {
    let state: PairingState = { kind: 'idle' };
    const served = await serveStartPage((s) => `page:${s.kind}`, async () => state);
    try {
      expect(await fetchText(served.url)).toBe('page:idle');
      state = { kind: 'code', code: '7777', appName: 'Clip' };
      expect(JSON.parse(await fetchText(`${served.url}state`)).sentence).toBe(pairingSentence(state));
    } finally {
      served.close();
    }
  });
});
