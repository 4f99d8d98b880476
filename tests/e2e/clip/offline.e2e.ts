import { describe, expect, test } from 'vitest';
import { BROWSERS, type PopupPage, useBrowser, useSandbox, waitUntil } from '../harness';
import { quickClip } from './in-tab';
import { expectNoPageErrors, pairWithKey, waitForIdle, waitForPreview } from './popup-form';
import { ARTICLE, ARTICLE_PATH, DIARY_PATH, openTab, useSite } from './site';
import { vaultView } from './vault';

// Clipping while Anytype is not running (the sandbox refuses every connection, as a closed
// Desktop does): the popup still shows the form from the lists it saw last time and Save keeps
// the clip; a quick clip is kept too. When Anytype is back, each arrives exactly once.
const site = useSite();
const sandbox = useSandbox();
let key = '';
const vault = vaultView(sandbox, () => key);
const control = () => sandbox().control;

/** What the popup's queue line says ("" when it shows none). */
async function queueLine(popup: PopupPage): Promise<string> {
  return popup.evaluate(
    () => document.querySelector('section.queue [role="status"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
  );
}

describe.each(BROWSERS)('clipping while Anytype is not running in $name', ({ launch }) => {
  const browser = useBrowser(launch);

  test('the popup form and a quick clip are kept, and arrive once when Anytype starts', async () => {
    key = await control().issueKey();
    const personal = await vault.spaceId('Personal');
    // Once with Anytype running: the popup sees the spaces, types and collections.
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
    await popup.waitForText('status', 'Anytype is not running. Save keeps this clip');
    await waitForPreview(popup, 'Tide pools are small worlds');
    await waitForIdle(popup);
    expect(await popup.valueOf('combobox', 'Type')).not.toBe('');
    // Nothing says "Connected" while Anytype is not running.
    expect(await popup.count('alert')).toBe(1);
    expect(await popup.textOf('alert')).toMatch(/^Anytype is not running/);
    await popup.clickButton('Save to Anytype');
    const queued = await popup.waitForText('status', 'Queued:');
    expect(queued).toContain('sent by itself');
    expect(queued).not.toMatch(/try again/i);
    // The queue line follows the queue while the popup stays open (the worker tells it).
    const said = (text: string) => async () => ((await queueLine(popup)).startsWith(text) ? true : undefined);
    await waitUntil('the open popup to say one clip waits', said('1 clip waiting: Anytype is not running'));

    const diary = await openTab(browser(), site().url(DIARY_PATH));
    await quickClip(browser(), diary.tabId, 'article');
    await waitUntil('the open popup to say two clips wait', said('2 clips waiting: Anytype is not running'));
    expect(await popup.textOf('alert')).toMatch(/^Anytype is not running/);
    expect(await vault.allWithSource(article.url)).toEqual([]);
    expect(await vault.allWithSource(diary.url)).toEqual([]);

    await control().setFaults({ refuse: false });
    // The queue tries again by itself (its alarm); nobody touches the popup meanwhile.
    await waitUntil(
      'both kept clips to reach Anytype',
      async () => ((await vault.allWithSource(article.url)).length && (await vault.allWithSource(diary.url)).length ? true : undefined),
      120_000,
      500,
    );
    const fromPopup = await vault.clipOf(personal, article.url);
    const fromQuick = await vault.clipOf(personal, diary.url);
    expect(fromPopup.name).toBe(ARTICLE.title);
    expect(fromQuick.name).not.toBe('');
    // A duplicate would come from a retry after the first object landed: give it a moment to show.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(await vault.allWithSource(article.url)).toHaveLength(1);
    expect(await vault.allWithSource(diary.url)).toHaveLength(1);
    await waitUntil('the open popup to drop its queue line', async () => ((await queueLine(popup)) === '' ? true : undefined));
    expectNoPageErrors(popup);
  }, 180_000);
});
