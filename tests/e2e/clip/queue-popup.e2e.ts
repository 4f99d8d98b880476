import { describe, expect, test } from 'vitest';
import { fileNameFor } from '../../../lib/queue-list/files';
import { BROWSERS, type ExtensionGlobal, navigateWithin, type PopupPage, useBrowser, useSandbox, waitUntil } from '../harness';
import { expectObjectsFrom, isCreate, objectsFrom } from '../proxy/flows';
import { expectNoPageErrors, pairWithKey, waitForIdle, waitForPreview } from './popup-form';
import { ARTICLE, ARTICLE_PATH, openTab, useSite } from './site';

// The queue in plain sight, in the popup and the options page: a clip Anytype refuses is listed
// as failed in the popup and sent once by Retry now; a stored entry that cannot be read is set
// aside when the background starts, listed on the options page with what could be read of it,
// and exported as a Markdown file holding its text exactly.
const site = useSite();
const sandbox = useSandbox();
const control = () => sandbox().control;

/** The text of each entry of the popup's queue list. */
async function popupEntries(popup: PopupPage): Promise<string[]> {
  return popup.evaluate(() =>
    Array.from(document.querySelectorAll('.popup-queue .queue-entry')).map((li) => (li.textContent ?? '').replace(/\s+/g, ' ').trim()),
  );
}

type Download = { name: string; text: string };

/**
 * Keeps the files the page offers instead of letting the browser save them: each temporary link's
 * name and the text of the blob it points at (what a person would find in the file).
 */
async function watchDownloads(page: PopupPage): Promise<void> {
  await page.evaluate(() => {
    const kept: Promise<Download>[] = [];
    (globalThis as unknown as { downloads: Promise<Download>[] }).downloads = kept;
    HTMLAnchorElement.prototype.click = function keep(this: HTMLAnchorElement) {
      if (this.download) kept.push(fetch(this.href).then(async (answer) => ({ name: this.download, text: await answer.text() })));
    };
  });
}

async function downloads(page: PopupPage): Promise<Download[]> {
  return page.evaluate(() => Promise.all((globalThis as unknown as { downloads: Promise<Download>[] }).downloads));
}

describe.each(BROWSERS)('the queue in the popup and the options page in $name', ({ launch }) => {
  const browser = useBrowser(launch);

  test('a clip Anytype refuses is listed as failed in the popup; Retry now, once Anytype takes it, saves it once', async () => {
    const key = await control().issueKey();
    const first = await browser().openPopup();
    await pairWithKey(first, key);
    await first.close();
    const article = await openTab(browser(), site().url(ARTICLE_PATH));

    // Anytype refuses every create for now (400: not a clip it would take as it is).
    await control().setFaults({ rejectCreates: 1_000 });
    const popup = await browser().openPopup(`tabId=${article.tabId}`);
    await waitForPreview(popup, 'Tide pools are small worlds');
    await waitForIdle(popup);
    await popup.clickButton('Save to Anytype');
    await waitUntil('the refused create', async () => ((await control().log()).some((e) => isCreate(e) && e.status === 400) ? true : undefined));
    await popup.close();

    // A popup opened later lists it: title, site, why it failed, that it waits for Retry now.
    const later = await browser().openPopup(`tabId=${article.tabId}`);
    const [entry] = await waitUntil('the failed clip in the popup’s list', async () => {
      const entries = await popupEntries(later);
      return entries.length === 1 && entries[0]?.includes('Failed:') ? entries : undefined;
    });
    expect(entry).toContain(ARTICLE.title);
    expect(entry).toContain(`From ${new URL(article.url).hostname}`);
    expect(entry).toContain('Failed: Anytype refused this clip.');
    expect(entry).toContain('No more tries until you choose Retry now.');
    expect(entry).toContain('Anytype said:');
    await later.waitFor('link', `Open the page of “${ARTICLE.title}”`);
    expect(await objectsFrom(control(), article.url)).toEqual([]);

    // Anytype takes it now; Retry now from the popup sends it, once.
    await control().setFaults({ rejectCreates: 0 });
    await later.clickButton(`Retry “${ARTICLE.title}” now`);
    await later.waitForText('status', `Sending “${ARTICLE.title}” again.`);
    await expectObjectsFrom(control(), article.url, 1, 20_000, 2_000);
    await waitUntil('the popup’s list to empty', async () => ((await popupEntries(later)).length === 0 ? true : undefined), 20_000);
    const creates = (await control().log()).filter(isCreate);
    expect(creates.map((e) => e.status)).toEqual([400, 201]);
    expectNoPageErrors(later);
  }, 120_000);

  test('an unreadable stored entry is set aside on start, listed on the options page and exported as its Markdown', async () => {
    const title = `Estuary notes <b>${browser().name}</b> & birds`;
    const markdown = `# ${title}\n\nHerons wait in the shallows.\n\n<script>alert(1)</script>`;
    const address = site().url('/articles/estuary-notes.html');
    const good = {
      clientId: '5b0c3a44-9d0e-4c55-8f3e-2a1b6c7d8e91',
      createdAt: Date.now(),
      target: { spaceId: 'space-of-a-good-clip', typeKey: 'page' },
      payload: { name: 'A clip that still reads', properties: [] },
      sourceUrl: site().url(ARTICLE_PATH),
      status: 'pending',
      attempts: 0,
    };
    // Damaged in storage: its time is no longer a number. Its title, address and text are intact.
    const damaged = { ...good, clientId: '5b0c3a44-9d0e-4c55-8f3e-2a1b6c7d8e92', createdAt: 'yesterday', payload: { name: title, properties: [] }, sourceUrl: address };
    await browser().evaluateInExtension(
      async (arg: { jobs: unknown[]; bodies: Record<string, string> }) => {
        const local = (globalThis as unknown as ExtensionGlobal).chrome.storage.local;
        await local.set({
          ...Object.fromEntries(Object.entries(arg.bodies).map(([id, text]) => [`queue.body.${id}`, text])),
          'queue:index': { version: 2, jobs: arg.jobs, quarantine: [], paused: null, hold: null },
        });
      },
      { jobs: [good, damaged], bodies: { [good.clientId]: '# Still reads', [damaged.clientId]: markdown } },
    );
    // What the queue read before is in memory; a new background reads storage afresh.
    await browser().restartBackground();

    const popup = await browser().openPopup();
    const line = () => popup.evaluate(() => document.querySelector('.queue-line span')?.textContent ?? '');
    await waitUntil('the popup to count the unreadable entry', async () => ((await line()) === '1 waiting · 1 unreadable' ? true : undefined));
    await navigateWithin(popup, 'options.html#queue');
    await popup.waitFor('heading', 'Stored clips that could not be read');
    const shown = await waitUntil('the unreadable entry on the options page', async () =>
      popup.evaluate(() => {
        const li = document.querySelector('.quarantine-entry');
        return li ? { text: (li.textContent ?? '').replace(/\s+/g, ' '), pre: li.querySelector('pre')?.textContent, markup: li.querySelector('b, script') !== null } : undefined;
      }),
    );
    expect(shown.text).toContain(title);
    expect(shown.text).toContain(address);
    expect(shown.text).toContain('Why: invalid clip: createdAt');
    expect(shown.pre).toBe(markdown);
    expect(shown.markup).toBe(false);
    // The good clip beside it was kept as a clip, not set aside with it.
    expect(await popup.evaluate(() => Array.from(document.querySelectorAll('.queue-entry strong')).map((s) => s.textContent))).toEqual([
      'A clip that still reads',
    ]);

    await watchDownloads(popup);
    await popup.clickButton(`Export “${title}” as Markdown`);
    await popup.clickButton(`Export “${title}” as JSON`);
    const files = await waitUntil('the two files', async () => {
      const kept = await downloads(popup);
      return kept.length === 2 ? kept : undefined;
    });
    expect(files[0]).toEqual({ name: fileNameFor(title, 'md'), text: markdown });
    const json = JSON.parse(files[1]?.text ?? '') as { stored: { createdAt: unknown; payload: { name: string; markdown: string } } };
    expect(json.stored).toMatchObject({ createdAt: 'yesterday', sourceUrl: address, payload: { name: title, markdown } });

    // Discard removes that entry alone, from the page and from storage.
    await popup.clickButton(`Discard the unreadable entry “${title}”`);
    await popup.waitForText('status', `The unreadable entry “${title}” was discarded.`);
    const stored = await popup.evaluate(async () => {
      const all = await (globalThis as unknown as ExtensionGlobal).chrome.storage.local.get('queue:index');
      const index = all['queue:index'] as { jobs: { clientId: string }[]; quarantine: unknown[] };
      return { jobs: index.jobs.map((j) => j.clientId), quarantine: index.quarantine.length };
    });
    expect(stored).toEqual({ jobs: [good.clientId], quarantine: 0 });
    expect(await popup.count('heading', 'Stored clips that could not be read')).toBe(0);
    expectNoPageErrors(popup);
  }, 120_000);
});
