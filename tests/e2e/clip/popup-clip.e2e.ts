import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { BROWSERS, DOCS_SCREENSHOTS, type PopupPage, useBrowser, useSandbox } from '../harness';
import { expectOriginsAccepted } from '../harness/log-checks';
import { selectSection } from './in-tab';
import {
  addTags,
  anytypeLink,
  choose,
  chosenText,
  expectNoPageErrors,
  linkHref,
  pairWithKey,
  waitForPreview,
} from './popup-form';
import { ARTICLE, ARTICLE_PATH, openTab, type Site, useSite } from './site';
import { vaultView } from './vault';

// The popup's clip form, every page mode, against a realistic article on a loopback site: what
// Anytype (the sandbox) stored is checked, not what the popup says.
const site = useSite();
const sandbox = useSandbox();
let key = '';
const vault = vaultView(sandbox, () => key);

const NOTE = 'Clipped for the shore survey.';
const TAGS = ['research', 'tide-pools']; // "research" exists in every seeded space; "tide-pools" is new

type Mode = 'Article' | 'Selection' | 'Full page' | 'Bookmark';
interface ModeCase {
  mode: Mode;
  type: { name: string; key: string };
  /** A title typed over the page's own, or the page's title. */
  title?: string;
  expectBody(markdown: string, site: Site): void;
}

/** The article's content in markdown, every kind of block Desktop's paste keeps. */
function expectArticleBlocks(md: string, s: Site): void {
  expect(md).toMatch(/^#{2} Shade and shelter$/m);
  expect(md).toMatch(/^#{2} What we measured$/m);
  expect(md).toContain('Tide pools are small worlds that the sea refills twice a day.');
  // A nested list keeps its nesting.
  expect(md).toMatch(/^[-*+]\s+Animals that stay put\n\s{2,}[-*+]\s+Anemones retract their tentacles\.$/m);
  expect(md).toMatch(/^\s{2,}[-*+]\s+Blennies wedge into crevices\.$/m);
  // A GFM table: header, delimiter row, cells.
  expect(md).toMatch(/^\|\s*Pool\s*\|\s*Shade\s*\|\s*Peak temperature\s*\|$/m);
  expect(md).toMatch(/^\|\s*:?-{3,}:?\s*\|\s*:?-{3,}:?\s*\|\s*:?-{3,}:?\s*\|$/m);
  expect(md).toMatch(/^\|\s*Sandy basin\s*\|\s*None\s*\|\s*28\.1 °C\s*\|$/m);
  // Fenced code with its language, indentation intact.
  expect(md).toContain('```python\ndef peak_per_tide(readings):\n    peaks = {}\n');
  // Relative link and image made absolute: Desktop fetches images without the page's base URL.
  expect(md).toContain(`[guide to reading tide tables](${s.url(ARTICLE.linkPath)})`);
  expect(md).toContain(`![${ARTICLE.imageAlt}](${s.url(ARTICLE.imagePath)})`);
  expect(md).not.toMatch(/<\/?(p|div|table|ul|li|pre|code|img|a)\b/);
}

function expectNoClutter(md: string): void {
  expect(md).not.toContain('Half Moon Bay'); // a comment
  expect(md).not.toContain('Which sensor did you use');
  expect(md).not.toContain('Ten rock-pooling tips for families'); // related articles
  expect(md).not.toContain('Related articles');
  expect(md).not.toContain('Post comment');
}

const CASES: ModeCase[] = [
  {
    mode: 'Article',
    type: { name: 'Page', key: 'page' },
    title: 'Tide pools: notes from a hot summer',
    expectBody(md, s) {
      expectArticleBlocks(md, s);
      expectNoClutter(md);
      expect(md).not.toContain('Shore life'); // site navigation
    },
  },
  {
    mode: 'Selection',
    type: { name: 'Note', key: 'note' },
    expectBody(md) {
      expect(md).toMatch(/^#{2} What we measured$/m);
      expect(md).toMatch(/^\|\s*Weed gully\s*\|\s*Kelp cover\s*\|\s*21\.3 °C\s*\|$/m);
      // Only the selection: nothing before or after it.
      expect(md).not.toContain('Shade and shelter');
      expect(md).not.toContain('Tide pools are small worlds');
      expect(md).not.toContain('peak_per_tide');
      expectNoClutter(md);
    },
  },
  {
    mode: 'Full page',
    type: { name: 'Project', key: 'project' },
    expectBody(md, s) {
      expectArticleBlocks(md, s);
      // The whole page: navigation, related articles and comments too.
      expect(md).toContain('Shore life');
      expect(md).toContain('Ten rock-pooling tips for families');
      expect(md).toContain('Great read! We saw the same thing at Half Moon Bay last August.');
    },
  },
  {
    mode: 'Bookmark',
    type: { name: 'Bookmark', key: 'bookmark' },
    expectBody(md) {
      // The page's description, not its text.
      expect(md).toContain(ARTICLE.description);
      expect(md).not.toContain('Shade and shelter');
      expect(md).not.toContain('Tide pools are small worlds');
    },
  },
];

describe.each(BROWSERS)('popup clip in $name', ({ name, launch }) => {
  const browser = useBrowser(launch);

  /** Pairs with the key the test was given (`key`, issued first: the vault is read with it too). */
  async function pairedPopupOn(tabId: number): Promise<PopupPage> {
    const popup = await browser().openPopup(`tabId=${tabId}`);
    await pairWithKey(popup, key);
    return popup;
  }

  test.each(CASES)('$mode mode: the stored object has the chosen space, type, collection, tags and note', async (c) => {
    key = await sandbox().control.issueKey();
    const page = await openTab(browser(), site().url(ARTICLE_PATH));
    if (c.mode === 'Selection') {
      expect(await selectSection(browser(), page.tabId, 'What we measured')).toContain('Sandy basin');
    }
    const research = await vault.spaceId('Research');
    const readingList = await vault.collectionId(research, 'Reading list');
    const popup = await pairedPopupOn(page.tabId);

    await waitForPreview(popup, 'Tide pools are small worlds');
    expect(await popup.valueOf('textbox', 'Title')).toBe(ARTICLE.title);
    await choose(popup, 'Mode', c.mode);
    if (c.mode === 'Selection') await waitForPreview(popup, /^What we measured/);
    if (c.mode === 'Bookmark') await waitForPreview(popup, 'Only the address and details of this page will be saved.');
    await choose(popup, 'Space', 'Research');
    // The space's own lists load after it is chosen; choosing before they arrive would be undone.
    await choose(popup, 'Collection', 'Reading list');
    await choose(popup, 'Type', c.type.name);
    if (c.title) await popup.fill('textbox', 'Title', c.title);
    await addTags(popup, TAGS);
    await popup.fill('textbox', 'Note', NOTE);

    expect(await chosenText(popup, 'Space')).toBe('Research');
    expect(await popup.valueOf('combobox', 'Type')).toBe(c.type.key);
    expect(await chosenText(popup, 'Collection')).toBe('Reading list');
    expect(await chosenText(popup, 'Mode')).toBe(c.mode);
    if (name === 'chromium' && c.mode === 'Article') {
      mkdirSync(DOCS_SCREENSHOTS, { recursive: true });
      await popup.screenshot(join(DOCS_SCREENSHOTS, 'popup-clip.png'));
    }

    await popup.clickButton('Save to Anytype');
    expect(await popup.waitForText('status', 'Saved')).toContain('Open in Anytype');

    const stored = await vault.clipOf(research, page.url);
    expect(await vault.allWithSource(page.url)).toHaveLength(1); // nowhere else, once
    expect(await linkHref(popup, 'Open in Anytype')).toBe(anytypeLink(research, stored.id));
    if (name === 'chromium' && c.mode === 'Article') await popup.screenshot(join(DOCS_SCREENSHOTS, 'popup-saved.png'));

    expect(stored.space_id).toBe(research);
    expect(stored.type_key).toBe(c.type.key);
    expect(stored.name).toBe(c.title ?? ARTICLE.title);
    expect(stored.properties.source).toBe(page.url);
    expect(stored.properties.description).toBe(ARTICLE.description);
    expect(stored.lists).toEqual([readingList]);
    expect(await vault.tagNames(stored)).toEqual([...TAGS].sort());
    // The existing tag was reused and the new one made once, not one per clip or per retry.
    for (const tag of TAGS) expect(await vault.tagCount(research, tag), tag).toBe(1);
    // The note leads the body as a quote, then the content of the mode.
    expect(stored.markdown.startsWith(`> ${NOTE}\n`)).toBe(true);
    c.expectBody(stored.markdown, site());

    expectOriginsAccepted(await sandbox().control.log());
    expectNoPageErrors(popup);
  });

  test('reopening the popup on a clipped page shows the already-clipped notice and its link', async () => {
    key = await sandbox().control.issueKey();
    const page = await openTab(browser(), site().url(ARTICLE_PATH));
    const first = await pairedPopupOn(page.tabId);
    await waitForPreview(first, 'Tide pools are small worlds');
    const space = await first.valueOf('combobox', 'Space');
    expect(space).not.toBe('');
    expect(await first.count('link', 'Open the existing clip')).toBe(0);
    await first.clickButton('Save to Anytype');
    await first.waitForText('status', 'Saved');
    const stored = await vault.clipOf(space, page.url);
    await first.close();

    const again = await browser().openPopup(`tabId=${page.tabId}`);
    await again.waitFor('link', 'Open the existing clip');
    expect(await again.valueOf('combobox', 'Space')).toBe(space);
    const notice = await again.evaluate(
      () =>
        Array.from(document.querySelectorAll('a'))
          .find((a) => a.textContent?.trim() === 'Open the existing clip')
          ?.parentElement?.textContent?.replace(/\s+/g, ' ')
          .trim() ?? '',
    );
    expect(notice).toContain(`Already clipped to this space as “${stored.name}”`);
    expect(await linkHref(again, 'Open the existing clip')).toBe(anytypeLink(space, stored.id));
    expectNoPageErrors(again);
  });
});
