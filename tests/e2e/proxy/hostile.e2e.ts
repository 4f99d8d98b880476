import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { useProxyBrowser } from './session';
import { BROWSERS, type BrowserSession, type ExtensionGlobal, useSandbox, waitUntil } from '../harness';
import { expectObjectsFrom, formReady, objectsFrom, pairWithKey } from './flows';
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
  rounds: number;
}

/** What the hostile page noted so far (read from the page's own world). */
async function attackReport(session: BrowserSession, tabId: number): Promise<AttackReport> {
  return session.evaluateInExtension(async (tab: number) => {
    const [first] = await (globalThis as unknown as ExtensionGlobal).chrome.scripting.executeScript({
      target: { tabId: tab },
      world: 'MAIN',
      func: () => {
        const page = globalThis as unknown as { hostileResults: string[]; hostileHeard: string[]; hostileRounds: number };
        return { results: page.hostileResults, heard: page.hostileHeard, rounds: page.hostileRounds };
      },
    });
    return (first?.result as AttackReport | undefined) ?? { results: ['<no result>'], heard: [], rounds: 0 };
  }, tabId);
}

describe.each(BROWSERS)('proxy against a hostile page in $name', (target) => {
  const browser = useProxyBrowser(target);

  test('window messages, protocol-shaped events and sendMessage from the page: 0 requests to Anytype', async () => {
    const session = browser();
    const spaceId = (await control().spaces()).find((space) => !space.isChat)!.id;
    // The page attacks from load on, every 250 ms, while the clip below runs and after it.
    const url = `${hostile.url}recipes?ext=${encodeURIComponent(session.extensionId)}&space=${spaceId}`;
    const tabId = await openHostileTab(session, url);
    const key = await control().issueKey();

    // A real clip of the hostile page, so our content scripts run in it while it attacks.
    const popup = await session.openPopup(`tabId=${tabId}`);
    await pairWithKey(popup, key);
    await formReady(popup);
    await popup.clickButton('Save to Anytype');
    await popup.waitForText('status', 'Saved');
    await popup.close();
    await expectObjectsFrom(control(), url, 1, 10_000, 1_000);

    // From here on nothing of ours asks Anytype anything (extension pages are not touched, as a
    // Firefox extension page would load the popup): whatever reaches the sandbox came from the page.
    await control().clearLog();
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(await control().log()).toEqual([]);

    const report = await attackReport(session, tabId);
    // The page kept attacking (a background tab's timers may be throttled to one per second).
    expect(report.rounds).toBeGreaterThan(2);
    expect(report.results.length).toBeGreaterThan(0);
    expect(report.results.filter((line) => /: answered/.test(line))).toEqual([]);
    // Nothing our scripts posted into the page carries the key.
    expect(report.heard.filter((line) => line.includes(key))).toEqual([]);
    expect(await objectsFrom(control(), url)).toHaveLength(1);

    // The "disconnect" and "saveKey" attempts changed nothing: still paired with the same key.
    await control().clearLog();
    const reopened = await session.openPopup(`tabId=${tabId}`);
    await reopened.waitForText('status', 'Connected');
    const used = (await control().log()).filter((e) => e.authorization !== null).map((e) => e.authorization);
    expect(used.length).toBeGreaterThan(0);
    expect(new Set(used)).toEqual(new Set([`Bearer ${key}`]));
  });
});
