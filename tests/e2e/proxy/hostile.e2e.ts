import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BROWSERS, type BrowserSession, type ExtensionGlobal, useBrowser, useSandbox, waitUntil } from '../harness';
import { expectObjectsFrom, formReady, pairWithKey } from './flows';
import { startHostileServer, type HostileServer } from './hostile-server';

// A web page that tries every way a page has to reach Clip to Anytype (window messages, DOM events
// shaped like the protocol, chrome.runtime.sendMessage/connect with our id) after our content
// scripts have run in it. None of it may make the background call Anytype.
const sandbox = useSandbox();
const control = () => sandbox().control;

let hostile: HostileServer;
beforeAll(async () => {
  hostile = await startHostileServer();
});
afterAll(async () => {
  await hostile?.close();
});

/** Opens the hostile page in a new tab (from the extension) and returns its tab id once loaded. */
async function openHostileTab(session: BrowserSession, url: string): Promise<number> {
  const tabId = await session.evaluateInExtension(async (href: string) => {
    const tab = await (globalThis as unknown as ExtensionGlobal).chrome.tabs.create({ url: href, active: false });
    return tab.id ?? -1;
  }, url);
  await waitUntil('the hostile page to load', async () => {
    const status = await session.evaluateInExtension(
      async (id: number) => (await (globalThis as unknown as ExtensionGlobal).chrome.tabs.get(id)).status,
      tabId,
    );
    return status === 'complete' ? true : undefined;
  });
  return tabId;
}

interface AttackReport {
  results: string[];
  heard: string[];
}

async function runAttack(session: BrowserSession, tabId: number, spaceId: string): Promise<AttackReport> {
  return session.evaluateInExtension(
    async ({ tabId: tab, extensionId, spaceId: space }: { tabId: number; extensionId: string; spaceId: string }) => {
      const [first] = await (globalThis as unknown as ExtensionGlobal).chrome.scripting.executeScript({
        target: { tabId: tab },
        world: 'MAIN',
        args: [{ extensionId, spaceId: space, rounds: 5, gapMs: 200 }],
        func: async (options: { extensionId: string; spaceId: string; rounds: number; gapMs: number }) => {
          const page = globalThis as unknown as {
            hostileAttack(o: typeof options): Promise<string[]>;
            hostileHeard: string[];
          };
          const results = await page.hostileAttack(options);
          return { results, heard: page.hostileHeard };
        },
      });
      return (first?.result as AttackReport | undefined) ?? { results: ['<no result>'], heard: [] };
    },
    { tabId, extensionId: session.extensionId, spaceId },
  );
}

describe.each(BROWSERS)('proxy against a hostile page in $name', ({ launch }) => {
  const browser = useBrowser(launch);

  test('window messages, protocol-shaped events and sendMessage from the page: 0 requests to Anytype', async () => {
    const session = browser();
    const url = `${hostile.url}recipes?run=${Date.now()}`;
    const tabId = await openHostileTab(session, url);
    const key = await control().issueKey();

    // A real clip of the hostile page first, so our content scripts have run in it.
    const popup = await session.openPopup(`tabId=${tabId}`);
    await pairWithKey(popup, key);
    await formReady(popup);
    await popup.clickButton('Save to Anytype');
    await popup.waitForText('status', 'Saved');
    await popup.close();
    const before = await expectObjectsFrom(control(), url, 1, 10_000, 0);
    await control().clearLog();

    const spaceId = before[0]!.space_id;
    const report = await runAttack(session, tabId, spaceId);
    // Give anything the page may have set off time to reach Anytype.
    await new Promise((resolve) => setTimeout(resolve, 1_500));

    expect(await control().log()).toEqual([]);
    expect(report.results.length).toBeGreaterThan(0);
    expect(report.results.filter((line) => /: answered/.test(line))).toEqual([]);
    // Nothing our scripts posted into the page carries the key.
    expect(report.heard.filter((line) => line.includes(key))).toEqual([]);
    expect(await expectObjectsFrom(control(), url, 1, 1_000, 0)).toHaveLength(1);

    // The "disconnect" and "saveKey" attempts changed nothing: still paired with the same key.
    const reopened = await session.openPopup(`tabId=${tabId}`);
    await reopened.waitForText('status', 'Connected');
    const used = (await control().log()).filter((e) => e.authorization !== null).map((e) => e.authorization);
    expect(used.length).toBeGreaterThan(0);
    expect(new Set(used)).toEqual(new Set([`Bearer ${key}`]));
  });
});
