import { describe, expect, test } from 'vitest';
import { useProxyBrowser } from './session';
import { BROWSERS, type ExtensionGlobal, useSandbox, waitUntil } from '../harness';

// The Origin rule (lib/network/origin-rule.ts) rewrites Origin to the API's own for the
// extension's requests only (initiatorDomains). Here a web page's own fetch to the API, with the
// extension loaded and its rule in force, must reach Anytype with the page's Origin, so a page
// gains nothing from the rule; the extension's own request alongside shows the rule is live.
const sandbox = useSandbox();
const control = () => sandbox().control;

describe.each(BROWSERS)('the Origin rule and a web page in $name', (target) => {
  const browser = useProxyBrowser(target);

  test("a page's own fetch to the API keeps the page's Origin; the extension's is rewritten", async () => {
    const session = browser();
    const api = new URL(sandbox().url).origin;
    const pageOrigin = new URL(session.fixtureUrl).origin;
    expect(pageOrigin).not.toBe(api);

    // The extension's own request first: once it arrives with the API's Origin, the rule is installed.
    await waitUntil("the extension's request to carry the API's Origin", async () => {
      await control().clearLog();
      await session.evaluateInExtension(async (url: string) => {
        await fetch(`${url}/v1/spaces?probe=extension`, { method: 'POST', body: '{}' }).catch(() => undefined);
      }, api);
      const seen = (await control().log()).find((entry) => entry.query.probe === 'extension');
      return seen?.origin === api ? true : undefined;
    });

    // Then the page, from its own world (MAIN): a CORS GET and a no-cors POST, the ways a page has.
    const tabId = await session.openPage();
    await control().clearLog();
    const outcomes = await session.evaluateInExtension(
      async ({ tab, url }: { tab: number; url: string }) => {
        const [first] = await (globalThis as unknown as ExtensionGlobal).chrome.scripting.executeScript({
          target: { tabId: tab },
          world: 'MAIN',
          args: [url],
          func: async (base: string) => {
            const tries = [
              fetch(`${base}/v1/spaces?probe=page-get`),
              fetch(`${base}/v1/spaces?probe=page-post`, { method: 'POST', mode: 'no-cors', body: '{"name":"from a page"}' }),
            ];
            return Promise.all(tries.map((t) => t.then((r) => `answered ${r.type} ${r.status}`, (e: unknown) => `rejected: ${String(e)}`)));
          },
        });
        return (first?.result as string[] | undefined) ?? ['<no result>'];
      },
      { tab: tabId, url: api },
    );
    expect(outcomes).toHaveLength(2);

    const log = await waitUntil('both page requests to reach the sandbox', async () => {
      const entries = (await control().log()).filter((entry) => String(entry.query.probe).startsWith('page-'));
      return entries.length >= 2 ? entries : undefined;
    });
    for (const entry of log) {
      expect(entry.origin, `${entry.method} ${entry.query.probe}`).toBe(pageOrigin);
      expect(entry.authorization).toBeNull();
    }
    // And the page learnt nothing: the CORS read failed, the no-cors answer is opaque.
    expect(outcomes[0]).toMatch(/^rejected: /);
    expect(outcomes[1]).toBe('answered opaque 0');
  });
});
