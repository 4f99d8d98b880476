import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { BROWSERS, DOCS_SCREENSHOTS, type PopupPage, useBrowser, useSandbox, waitUntil } from '../harness';
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
  previewShape,
  waitForIdle,
  waitForPreview,
} from './popup-form';
import { PREVIEW_ATTRIBUTES } from '../../../lib/preview/tree';
import { ARTICLE, ARTICLE_PATH, openTab, type Site, useSite } from './site';
import { vaultView } from './vault';
import type { StoredObject } from '../../sandbox/index';

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
  /** What the Preview region shows in this mode. */
  preview: string | RegExp;
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

/**
 * The preview draws what will be stored: the article's headings, its nested list and its picture
 * (a link Anytype fetches, so a placeholder naming the host: the popup fetches nothing), from
 * allowlisted elements only, with the size of the whole.
 */
async function expectArticlePreview(popup: PopupPage, s: Site): Promise<void> {
  const shape = await previewShape(popup);
  expect(shape.headings).toEqual(expect.arrayContaining(['Shade and shelter', 'What we measured']));
  expect(shape.listItems).toEqual(expect.arrayContaining(['Anemones retract their tentacles.', 'Blennies wedge into crevices.']));
  expect(shape.placeholders).toContain(`Image from ${new URL(s.origin).host}: ${ARTICLE.imageAlt}`);
  expect(shape.tags.filter((tag) => !(tag in PREVIEW_ATTRIBUTES))).toEqual([]);
  expect(shape.tags).toEqual(expect.arrayContaining(['h2', 'ul', 'li', 'table', 'pre', 'code', 'span']));
  expect(shape.size).toMatch(/^\d+ words · 1 image(?!s)/);
  expect(shape.attributes.filter(([tag, name]) => !PREVIEW_ATTRIBUTES[tag]?.includes(name))).toEqual([]);
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
    preview: 'Tide pools are small worlds',
    expectBody(md, s) {
      expectArticleBlocks(md, s);
      expectNoClutter(md);
      expect(md).not.toContain('Shore life'); // site navigation
    },
  },
  {
    mode: 'Selection',
    type: { name: 'Note', key: 'note' },
    preview: /^What we measured/,
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
    // The page's own heading leads (article mode leaves it to the title); the preview is cut short.
    preview: /^How tide pools survive a hot summer By Robin Example/,
    expectBody(md, s) {
      expectArticleBlocks(md, s);
      // The whole page, related articles and comments too; only the site's chrome (navigation) goes.
      expect(md).not.toContain('Shore life');
      expect(md).toContain('Ten rock-pooling tips for families');
      expect(md).toContain('Great read! We saw the same thing at Half Moon Bay last August.');
    },
  },
  {
    mode: 'Bookmark',
    type: { name: 'Bookmark', key: 'bookmark' },
    preview: 'Only the address and details of this page will be saved.',
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
  const shot = (file: string) => {
    mkdirSync(DOCS_SCREENSHOTS, { recursive: true });
    return join(DOCS_SCREENSHOTS, file);
  };

  /** Clips a fresh tab of the article through the popup with this case's choices; returns what was stored. */
  async function clipThroughPopup(c: ModeCase, pair: boolean): Promise<{ popup: PopupPage; stored: StoredObject; url: string }> {
    const page = await openTab(browser(), site().url(ARTICLE_PATH));
    if (c.mode === 'Selection') {
      expect(await selectSection(browser(), page.tabId, 'What we measured')).toContain('Sandy basin');
    }
    const research = await vault.spaceId('Research');
    const popup = await browser().openPopup(`tabId=${page.tabId}`);
    if (pair) await pairWithKey(popup, key);

    // The form has loaded (remembered choices, spaces, the page) before a person's choices go in.
    // Selection first: a page with a selection opens in Selection mode, any other in Article,
    // whatever mode the clip before this one used.
    await waitForPreview(popup, c.mode === 'Selection' ? c.preview : 'Tide pools are small worlds');
    await waitForIdle(popup);
    expect(await chosenText(popup, 'Mode')).toBe(c.mode === 'Selection' ? 'Selection' : 'Article');
    const typeBefore = await popup.valueOf('combobox', 'Type');
    await choose(popup, 'Mode', c.mode);
    if (c.mode === 'Bookmark') await expectBookmarkTypeFollowsMode(popup, typeBefore);
    await waitForPreview(popup, c.preview);
    if (c.mode === 'Article') await expectArticlePreview(popup, site());
    expect(await popup.valueOf('textbox', 'Title')).toBe(ARTICLE.title);
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
    if (name === 'chromium' && c.mode === 'Article') await popup.screenshot(shot('popup-clip.png'));

    await popup.clickButton('Save to Anytype');
    expect(await popup.waitForText('status', 'Saved')).toContain('Open in Anytype');
    const stored = await vault.clipOf(research, page.url);
    expect(await linkHref(popup, 'Open in Anytype')).toBe(anytypeLink(research, stored.id));
    if (name === 'chromium' && c.mode === 'Article') await popup.screenshot(shot('popup-saved.png'));
    return { popup, stored, url: page.url };
  }

  /** Bookmark mode (just chosen) shows the space's bookmark type; another mode gives back the type there was. */
  async function expectBookmarkTypeFollowsMode(popup: PopupPage, typeBefore: string): Promise<void> {
    const typeIs = (key: string) => async () => ((await popup.valueOf('combobox', 'Type')) === key ? true : undefined);
    // The clip before this one remembered another type for the space (Project): the switch is seen.
    expect(typeBefore).not.toBe('bookmark');
    await waitUntil('the Bookmark type with Bookmark mode', typeIs('bookmark'));
    await choose(popup, 'Mode', 'Article');
    await waitUntil(`the type before Bookmark mode (${typeBefore}) back with Article`, typeIs(typeBefore));
    await choose(popup, 'Mode', 'Bookmark');
    await waitUntil('the Bookmark type with Bookmark mode again', typeIs('bookmark'));
  }

  /** What Anytype stored: the chosen space, type, title, source, collection, tags, note, then the mode's body. */
  async function expectStored(c: ModeCase, stored: StoredObject, url: string): Promise<void> {
    const research = await vault.spaceId('Research');
    expect(await vault.allWithSource(url)).toHaveLength(1); // nowhere else, and once
    expect(stored.space_id).toBe(research);
    expect(stored.type_key).toBe(c.type.key);
    expect(stored.name).toBe(c.title ?? ARTICLE.title);
    expect(stored.properties.source).toBe(url);
    expect(stored.properties.description).toBe(ARTICLE.description);
    expect(stored.lists).toEqual([await vault.collectionId(research, 'Reading list')]);
    expect(await vault.tagNames(stored)).toEqual([...TAGS].sort());
    // The existing tag was reused and the new one made once, not once per clip.
    for (const tag of TAGS) expect(await vault.tagCount(research, tag), tag).toBe(1);
    // The note leads the body as a quote, then the content of the mode.
    expect(stored.markdown.startsWith(`> ${NOTE}\n`), stored.markdown.slice(0, 80)).toBe(true);
    c.expectBody(stored.markdown, site());
  }

  test('Article mode stores the article with every choice; reopened, the popup shows the already-clipped notice above Save, and Save again makes a second object', async () => {
    key = await sandbox().control.issueKey();
    const article = CASES[0] as ModeCase;
    const { popup, stored, url } = await clipThroughPopup(article, true);
    await expectStored(article, stored, url);
    expectOriginsAccepted(await sandbox().control.log());
    expectNoPageErrors(popup);
    const tabId = Number(new URL(popup.url).searchParams.get('tabId'));
    await popup.close();

    // The same tab again: the space chosen last is preselected and already holds this page.
    const again = await browser().openPopup(`tabId=${tabId}`);
    await again.waitFor('link', 'Open the existing clip');
    expect(await chosenText(again, 'Space')).toBe('Research');
    const notice = await again.evaluate(
      () =>
        Array.from(document.querySelectorAll('a'))
          .find((a) => a.textContent?.trim() === 'Open the existing clip')
          ?.parentElement?.textContent?.replace(/\s+/g, ' ')
          .trim() ?? '',
    );
    expect(notice).toContain(`Already clipped to this space as “${stored.name}”`);
    expect(await linkHref(again, 'Open the existing clip')).toBe(anytypeLink(stored.space_id, stored.id));
    // The notice sits in the Save bar right above Save, which reads "Save again": a second object is deliberate.
    const placement = await again.evaluate(() => {
      const bar = document.querySelector('.save-bar');
      const link = Array.from(document.querySelectorAll('a')).find((a) => a.textContent?.trim() === 'Open the existing clip');
      const save = bar?.querySelector('button[type=submit]');
      return {
        inBar: Boolean(link && bar?.contains(link)),
        aboveSave: Boolean(link && save && link.compareDocumentPosition(save) & Node.DOCUMENT_POSITION_FOLLOWING),
        label: save?.textContent?.trim() ?? '',
      };
    });
    expect(placement).toEqual({ inBar: true, aboveSave: true, label: 'Save again' });
    expect(await again.count('button', 'Save to Anytype')).toBe(0);
    await again.clickButton('Save again');
    expect(await again.waitForText('status', 'Saved')).toContain('Open in Anytype');
    await waitUntil('a second object of the page', async () => ((await vault.allWithSource(url)).length === 2 ? true : undefined));
    expectNoPageErrors(again);
  });

  // One paired session for the other three modes (a browser reset per test is the slow part);
  // each mode still gets its own tab and its own checks, and every mode's failure is reported.
  test('Selection, Full page and Bookmark modes store what each mode promises', async () => {
    key = await sandbox().control.issueKey();
    const failures: string[] = [];
    let paired = false;
    for (const c of CASES.slice(1)) {
      try {
        const { popup, stored, url } = await clipThroughPopup(c, !paired);
        paired = true;
        await expectStored(c, stored, url);
        expectNoPageErrors(popup);
        await popup.close();
      } catch (error) {
        failures.push(`${c.mode} mode: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    expect(failures).toEqual([]);
    expectOriginsAccepted(await sandbox().control.log());
  }, 120_000);
});
