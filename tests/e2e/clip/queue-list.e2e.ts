import { describe, expect, test } from 'vitest';
import { BROWSERS, type ExtensionGlobal, navigateWithin, type PopupPage, useBrowser, useSandbox, waitUntil } from '../harness';
import { quickClip } from './in-tab';
import { expectNoPageErrors, pairWithKey, waitForIdle, waitForPreview } from './popup-form';
import { ARTICLE, ARTICLE_PATH, DIARY_PATH, openTab, useSite } from './site';
import { vaultView } from './vault';
import { UNDO_OFFER_MS } from '../../../lib/queue-list/undo-shelf';

// The queue in plain sight: two clips kept while Anytype is not running are counted in the popup
// and listed in the options page; Copy gives a clip's Markdown, Discard can be undone (the clip
// comes back exactly as stored) or made for good, and Retry sends the other one, once.
const site = useSite();
const sandbox = useSandbox();
let key = '';
const vault = vaultView(sandbox, () => key);
const control = () => sandbox().control;

type StoredJob = { clientId: string; sourceUrl: string; payload: { name: string } };

/** The queue as stored (lib/queue/storage.ts: an index, and each clip's text under its own key). */
async function stored(popup: PopupPage): Promise<{ jobs: StoredJob[]; bodies: Record<string, unknown> }> {
  return popup.evaluate(async () => {
    const all = await (globalThis as unknown as ExtensionGlobal).chrome.storage.local.get(null);
    const index = all['queue:index'] as { jobs: StoredJob[] } | undefined;
    const bodies: Record<string, unknown> = {};
    for (const [k, value] of Object.entries(all)) if (k.startsWith('queue.body.')) bodies[k.slice('queue.body.'.length)] = value;
    return { jobs: index?.jobs ?? [], bodies };
  });
}

/** The text of each entry of the options page's queue list. */
async function listed(popup: PopupPage): Promise<string[]> {
  return popup.evaluate(() =>
    Array.from(document.querySelectorAll('.queue-entry')).map((li) => (li.textContent ?? '').replace(/\s+/g, ' ').trim()),
  );
}

describe.each(BROWSERS)('the queue list in $name', ({ launch }) => {
  const browser = useBrowser(launch);

  test('kept clips are listed; copy, discard with undo, discard for good, retry lands once', async () => {
    key = await control().issueKey();
    const first = await browser().openPopup();
    await pairWithKey(first, key);
    await first.close();
    const article = await openTab(browser(), site().url(ARTICLE_PATH));
    const seen = await browser().openPopup(`tabId=${article.tabId}`);
    await waitForPreview(seen, 'Tide pools are small worlds');
    await waitForIdle(seen);
    await seen.close();

    await control().setFaults({ refuse: true });
    const popup = await browser().openPopup(`tabId=${article.tabId}`);
    await waitForPreview(popup, 'Tide pools are small worlds');
    await waitForIdle(popup);
    await popup.clickButton('Save to Anytype');
    await popup.waitForText('status', 'Queued:');
    const diary = await openTab(browser(), site().url(DIARY_PATH));
    await quickClip(browser(), diary.tabId, 'article');

    // The popup's compact line, with its way to the list.
    const line = () => popup.evaluate(() => document.querySelector('.queue-line span')?.textContent ?? '');
    await waitUntil('the popup to count two waiting clips', async () => ((await line()) === '2 waiting' ? true : undefined));
    await popup.waitFor('button', 'See the list');

    const { jobs } = await stored(popup);
    const fromPopup = jobs.find((j) => j.sourceUrl === article.url);
    const fromQuick = jobs.find((j) => j.sourceUrl === diary.url);
    expect(fromPopup?.payload.name).toBe(ARTICLE.title);
    if (!fromPopup || !fromQuick) throw new Error('both clips should be stored');
    const a = fromPopup.payload.name;
    const b = fromQuick.payload.name;

    // The options page's list, where the popup's line leads.
    await navigateWithin(popup, 'options.html#queue');
    await popup.waitFor('heading', 'Clips not yet in Anytype');
    await waitUntil('both clips listed, paused until Anytype runs', async () => {
      const entries = await listed(popup);
      return entries.length === 2 && entries.every((text) => text.includes('Paused: Start Anytype.')) ? entries : undefined;
    });

    // Copy gives the clip's Markdown as stored (the page's clipboard is watched, not the system's).
    await popup.evaluate(() => {
      Object.defineProperty(navigator.clipboard, 'writeText', {
        configurable: true,
        value: async (text: string) => {
          (globalThis as unknown as { copied?: string }).copied = text;
        },
      });
    });
    await popup.clickButton(`Copy the Markdown of “${a}”`);
    await popup.waitForText('status', `Copied the Markdown of “${a}”.`);
    const copied = await popup.evaluate(() => (globalThis as unknown as { copied?: string }).copied ?? '');
    expect(copied).toBe((await stored(popup)).bodies[fromPopup.clientId]);
    expect(copied).toContain('Tide pools are small worlds');

    // Discard, then Undo: the clip is back exactly as it was stored.
    const before = await stored(popup);
    await popup.clickButton(`Discard “${b}”`);
    await popup.waitFor('button', `Undo discarding “${b}”`);
    await waitUntil('the discarded clip to leave storage', async () =>
      (await stored(popup)).jobs.some((j) => j.clientId === fromQuick.clientId) ? undefined : true,
    );
    await popup.clickButton(`Undo discarding “${b}”`);
    await popup.waitForText('status', `“${b}” is back in the queue.`);
    const after = await stored(popup);
    expect(after.jobs.find((j) => j.clientId === fromQuick.clientId)).toEqual(before.jobs.find((j) => j.clientId === fromQuick.clientId));
    expect(after.bodies[fromQuick.clientId]).toBe(before.bodies[fromQuick.clientId]);
    expect((await listed(popup)).length).toBe(2);

    // Discard for good: once the offer lapses, the clip is gone from the list and from storage.
    await popup.clickButton(`Discard “${b}”`);
    await popup.waitFor('button', `Undo discarding “${b}”`);
    await waitUntil('the undo offer to lapse', async () => ((await popup.count('button', `Undo discarding “${b}”`)) === 0 ? true : undefined), UNDO_OFFER_MS + 10_000);
    expect((await listed(popup)).length).toBe(1);
    expect((await stored(popup)).jobs.map((j) => j.clientId)).toEqual([fromPopup.clientId]);

    // Anytype is back. The queue's own alarm is cleared so that it is Retry that sends the clip.
    await popup.evaluate(() => (globalThis as unknown as ExtensionGlobal).chrome.alarms.clearAll());
    await control().setFaults({ refuse: false });
    await popup.clickButton(`Retry “${a}” now`);
    await waitUntil('the retried clip to reach Anytype', async () => ((await vault.allWithSource(article.url)).length > 0 ? true : undefined), 30_000);
    await popup.waitForText('status', `Sending “${a}” again.`);
    await waitUntil('the list to empty', async () => ((await listed(popup)).length === 0 ? true : undefined), 20_000);
    // A duplicate would come from a second send after the first landed: give it a moment to show.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(await vault.allWithSource(article.url)).toHaveLength(1);
    expect(await vault.allWithSource(diary.url)).toEqual([]);
    expectNoPageErrors(popup);
  }, 180_000);
});
