import { describe, expect, test } from 'vitest';
import { BROWSERS, type ExtensionGlobal, useBrowser, useSandbox, waitUntil } from '../harness';
import { expectOriginsAccepted } from '../harness/log-checks';
import { panelLayoutProblems, panelShown, quickClip, usePanel } from './in-tab';
import { chosenText, expectNoPageErrors, pairWithKey, waitForIdle, waitForPreview } from './popup-form';
import { ARTICLE, ARTICLE_PATH, DIARY_PATH, openTab, useSite } from './site';
import { vaultView } from './vault';

// Quick clips without the popup (context menu: link, image; keyboard command: page), then the
// in-page "Saved to Anytype" panel, and a site rule choosing where a quick clip goes. A real
// context menu cannot be clicked headless: the test build exposes what its listener calls.
const site = useSite();
const sandbox = useSandbox();
let key = '';
const vault = vaultView(sandbox, () => key);

describe.each(BROWSERS)('quick clip in $name', ({ launch }) => {
  const browser = useBrowser(launch);

  async function pair(): Promise<void> {
    const popup = await browser().openPopup();
    await pairWithKey(popup, key);
    await popup.close();
  }

  test('Save link: a bookmark of the link, then a tag and a collection added in the page panel; Save image: the image and its page', async () => {
    key = await sandbox().control.issueKey();
    await pair();
    const page = await openTab(browser(), site().url(ARTICLE_PATH));
    const link = site().url(ARTICLE.linkPath);
    const personal = await vault.spaceId('Personal');
    const readingList = await vault.collectionId(personal, 'Reading list');

    await quickClip(browser(), page.tabId, 'link', link);
    const stored = await vault.clipOf(personal, link);
    expect(stored.type_key).toBe('bookmark');
    expect(stored.name).toBe(link);
    expect(stored.markdown).toContain(`Linked from [${ARTICLE.tabTitle}](${page.url})`);
    expect(stored.lists).toEqual([]);
    expect(await vault.tagNames(stored)).toEqual([]);
    expect(await vault.allWithSource(page.url)).toEqual([]); // the link was saved, not the page

    expect(await panelShown(browser(), page.tabId)).toBe(true);
    expect(await usePanel(browser(), page.tabId, { tag: 'shore-guides' })).toBe('Updated');
    await waitUntil('the panel tag to reach the object', async () => {
      const now = await vault.clipOf(personal, link);
      return (await vault.tagNames(now)).includes('shore-guides') ? true : undefined;
    });
    expect(await usePanel(browser(), page.tabId, { collection: 'Reading list' })).toBe('Updated');
    await waitUntil('the panel collection to reach the object', async () =>
      (await vault.clipOf(personal, link)).lists.includes(readingList) ? true : undefined,
    );

    const after = await vault.clipOf(personal, link);
    expect(await vault.tagNames(after)).toEqual(['shore-guides']);
    expect(after.lists).toEqual([readingList]);
    expect(await vault.tagCount(personal, 'shore-guides')).toBe(1);

    // A long tag sits on one line beside its remove button, the buttons do not wrap, and the tag
    // comes off again; Escape closes the panel.
    const long = 'a-field-guide-to-every-rock-pool-creature-along-the-northern-shore';
    await usePanel(browser(), page.tabId, { tag: long });
    await waitUntil('the long tag to reach the object', async () =>
      (await vault.tagNames(await vault.clipOf(personal, link))).includes(long) ? true : undefined,
    );
    expect(await panelLayoutProblems(browser(), page.tabId)).toBe('');
    expect(await usePanel(browser(), page.tabId, { remove: long })).toBe('Updated');
    await waitUntil('the removed tag to leave the object', async () =>
      (await vault.tagNames(await vault.clipOf(personal, link))).includes(long) ? undefined : true,
    );
    expect(await vault.tagNames(await vault.clipOf(personal, link))).toEqual(['shore-guides']);
    expect(await usePanel(browser(), page.tabId, { escape: true })).toBe('closed');
    expect(await panelShown(browser(), page.tabId)).toBe(false);

    // Save image, from another visit of the page (one browser reset fewer: resets are the slow part).
    const other = await openTab(browser(), site().url(ARTICLE_PATH));
    const image = site().url(ARTICLE.imagePath);
    await quickClip(browser(), other.tabId, 'image', image);
    const picture = await vault.clipOf(personal, other.url);
    expect(picture.type_key).toBe('page');
    expect(picture.name).toBe(ARTICLE.tabTitle);
    expect(picture.markdown).toContain(`](${image})`);
    expect(picture.markdown).toMatch(/^!\[[^\]]*\]\(/m);
    expect(picture.markdown).toContain(`From [${ARTICLE.tabTitle}](${other.url})`);
    expect(picture.markdown).not.toContain('Tide pools are small worlds');
    expectOriginsAccepted(await sandbox().control.log());
  }, 90_000);

  test('a site rule chooses the space, type, collection and tags of a quick clip, and the popup starts from it', async () => {
    key = await sandbox().control.issueKey();
    await pair();
    const research = await vault.spaceId('Research');
    const personal = await vault.spaceId('Personal');
    const readingList = await vault.collectionId(research, 'Reading list');
    const rule = {
      id: 'coastal-notes',
      pattern: `${site().origin}/articles/`,
      spaceId: research,
      typeKey: 'note',
      collectionId: readingList,
      tagNames: ['research', 'rock-pools'],
    };
    // Written where the options page keeps it (lib/settings/clip-settings.ts, 'settings:clip').
    await browser().evaluateInExtension(
      async (r: typeof rule) =>
        (globalThis as unknown as ExtensionGlobal).chrome.storage.local.set({
          'settings:clip': { defaults: { tagNames: [] }, siteRules: [r] },
        }),
      rule,
    );
    const page = await openTab(browser(), site().url(ARTICLE_PATH));

    await quickClip(browser(), page.tabId, 'article');
    const stored = await vault.clipOf(research, page.url);
    expect(await vault.allWithSource(page.url)).toHaveLength(1);
    expect((await sandbox().control.objects(personal)).filter((o) => o.properties.source === page.url)).toEqual([]);
    expect(stored.type_key).toBe('note');
    expect(stored.name).toBe(ARTICLE.title);
    expect(stored.lists).toEqual([readingList]);
    expect(await vault.tagNames(stored)).toEqual(['research', 'rock-pools']);
    expect(await vault.tagCount(research, 'rock-pools')).toBe(1);
    expect(stored.markdown).toMatch(/^#{2} Shade and shelter$/m);
    expect(stored.markdown).not.toContain('Half Moon Bay');
    // The panel shows where it went.
    expect(await panelShown(browser(), page.tabId)).toBe(true);

    // The popup's form starts from the same rule for another page under it (nothing remembered
    // would choose Research, a note, a collection or tags), and Save stores the clip there.
    const diary = await openTab(browser(), site().url(DIARY_PATH));
    const popup = await browser().openPopup(`tabId=${diary.tabId}`);
    await waitForPreview(popup, 'Every morning this month a grey heron');
    await waitForIdle(popup);
    expect(await chosenText(popup, 'Space')).toBe('Research');
    expect(await popup.valueOf('combobox', 'Type')).toBe('note');
    expect(await chosenText(popup, 'Collection')).toBe('Reading list');
    for (const tag of rule.tagNames) await popup.waitFor('button', `Remove tag ${tag}`);
    const hint = await popup.evaluate(
      () => Array.from(document.querySelectorAll('p')).find((p) => p.textContent?.startsWith('Site rule'))?.textContent ?? '',
    );
    expect(hint).toBe(`Site rule for ${rule.pattern} applied`);
    await popup.clickButton('Save to Anytype');
    expect(await popup.waitForText('status', 'Saved')).toContain('Open in Anytype');
    const fromPopup = await vault.clipOf(research, diary.url);
    expect(await vault.allWithSource(diary.url)).toHaveLength(1);
    expect(fromPopup.type_key).toBe('note');
    expect(fromPopup.lists).toEqual([readingList]);
    expect(await vault.tagNames(fromPopup)).toEqual(['research', 'rock-pools']);
    expect(await vault.tagCount(research, 'rock-pools')).toBe(1);
    expectNoPageErrors(popup);
  }, 90_000);
});
