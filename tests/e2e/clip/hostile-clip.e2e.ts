import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BROWSERS, type BrowserSession, type ExtensionGlobal, useBrowser, useSandbox, waitUntil } from '../harness';
import { ROOT } from '../harness/config';
import { PREVIEW_ATTRIBUTES } from '../../../lib/preview/tree';
import { choose, expectNoPageErrors, pairWithKey, previewShape, waitForIdle, waitForPreview } from './popup-form';
import { openTab } from './site';
import { vaultView } from './vault';

// A page whose markup is inert as shown but runs if anything parses or copies it into the page's
// own document (tests/fixtures/hostile-clip/index.html): math elements whose data-mathml holds an
// <img onerror>, template content, a sandboxed srcdoc, javascript: URLs in every attribute that
// takes a URL, and two images of the page's own with handlers that ran once as it loaded. The
// popup's preview and its Save capture the page in every mode; the page's counters, read in its
// own world, must not move, and what Anytype (the sandbox) stored must hold no live markup. Markup
// the page writes as text appears in the preview as that text.
const sandbox = useSandbox();
let key = '';
const vault = vaultView(sandbox, () => key);

const PAGE_PATH = '/hostile-clip/index.html';
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

let origin = '';
let close: (() => Promise<void>) | undefined;
beforeAll(async () => {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (path === PAGE_PATH) res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(readFileSync(join(ROOT, 'tests/fixtures', PAGE_PATH)));
    else if (path.startsWith('/images/')) res.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
    else res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
});
afterAll(async () => close?.());

interface Counters {
  hostile: number;
  what: string[];
  live: number;
}

/** The page's counters, read in the page's own world (where its handlers run). */
async function counters(session: BrowserSession, tabId: number): Promise<Counters> {
  return session.evaluateInExtension(async (id: number) => {
    const api = (globalThis as unknown as ExtensionGlobal).chrome;
    const [result] = await api.scripting.executeScript({
      target: { tabId: id },
      world: 'MAIN',
      func: () => {
        const page = window as unknown as { __hostileRuns?: number; __hostileWhat?: string[]; __liveRuns?: number };
        return { hostile: page.__hostileRuns ?? -1, what: page.__hostileWhat ?? [], live: page.__liveRuns ?? -1 };
      },
    } as Parameters<typeof api.scripting.executeScript>[0]);
    return result?.result as Counters;
  }, tabId);
}

/** Selects the whole article, as a person dragging over it would. */
async function selectArticle(session: BrowserSession, tabId: number): Promise<string> {
  return session.evaluateInExtension(async (id: number) => {
    const api = (globalThis as unknown as ExtensionGlobal).chrome;
    const [result] = await api.scripting.executeScript({
      target: { tabId: id },
      func: () => {
        const article = document.querySelector('article');
        if (!article) return '';
        const range = document.createRange();
        range.selectNodeContents(article);
        const selection = window.getSelection();
        selection?.removeAllRanges();
        selection?.addRange(range);
        return selection?.toString() ?? '';
      },
    });
    return String(result?.result ?? '');
  }, tabId);
}

/** Markup that would be live wherever the body is rendered as HTML; escaped text (`\<`) is not. */
function liveMarkup(md: string): string[] {
  const found: string[] = [...(md.match(/(?<!\\)<\/?[a-z!][^>]*>/gi) ?? [])];
  for (const scheme of md.match(/javascript:|vbscript:|data:text\/html/gi) ?? []) found.push(scheme);
  for (const handler of md.match(/\bon(?:error|load)\s*=/gi) ?? []) found.push(handler);
  return found;
}

const MODES = ['Article', 'Selection', 'Full page', 'Bookmark'] as const;
/** Text each mode's preview shows once the page is captured in it. */
const PREVIEW: Record<(typeof MODES)[number], string> = {
  Article: 'A circle of radius two',
  Selection: 'A circle of radius two',
  'Full page': 'A circle of radius two',
  Bookmark: 'Only the address and details of this page will be saved.',
};

describe.each(BROWSERS)('clipping a hostile page in $name', ({ launch }) => {
  const browser = useBrowser(launch);

  test('no mode runs the page’s inert markup or re-runs its handlers, in the preview or on Save; no body holds live markup', async () => {
    key = await sandbox().control.issueKey();
    const research = await vault.spaceId('Research');
    const failures: string[] = [];
    for (const [index, mode] of MODES.entries()) {
      try {
        const page = await openTab(browser(), `${origin}${PAGE_PATH}`);
        // As shown, nothing hostile ran and each of the page's own two images ran its handler once.
        const shown = await waitUntil('the page’s own images to load or fail', async () => {
          const now = await counters(browser(), page.tabId);
          return now.live >= 2 ? now : undefined;
        });
        expect(shown).toEqual({ hostile: 0, what: [], live: 2 });
        if (mode === 'Selection') expect(await selectArticle(browser(), page.tabId)).toContain('A circle of radius two');

        const popup = await browser().openPopup(`tabId=${page.tabId}`);
        if (index === 0) await pairWithKey(popup, key);
        await waitForIdle(popup);
        await choose(popup, 'Mode', mode);
        await waitForPreview(popup, PREVIEW[mode]);
        if (mode !== 'Bookmark') {
          // The preview is drawn from the Markdown: the page's markup-as-text is text there too,
          // its pictures are a thumbnail (inlined) or a placeholder, and no element is off the allowlist.
          const shape = await previewShape(popup);
          expect(shape.text).toContain(`<script>hostileRan('text script')</script>`);
          expect(shape.text).toContain(`<b onclick="hostileRan('text handler')">bold</b>`);
          expect([...shape.placeholders, ...shape.thumbnails].join(' ')).toContain('A missing picture');
          expect(shape.tags.filter((tag) => !(tag in PREVIEW_ATTRIBUTES))).toEqual([]);
          expect(shape.attributes.filter(([tag, name]) => !PREVIEW_ATTRIBUTES[tag]?.includes(name))).toEqual([]);
        }
        await choose(popup, 'Space', 'Research');
        await waitForIdle(popup);
        await popup.clickButton('Save to Anytype');
        await popup.waitForText('status', 'Saved');
        const stored = await vault.clipOf(research, page.url);
        expectNoPageErrors(popup);
        await popup.close();

        // Handlers of images made by a clip run once their load settles: give them the time to.
        await new Promise((resolve) => setTimeout(resolve, 1500));
        expect(await counters(browser(), page.tabId), `${mode}: the page's counters after the clip`).toEqual(shown);
        expect(liveMarkup(stored.markdown), `${mode}: live markup in the stored body`).toEqual([]);
        if (mode !== 'Bookmark') expect(stored.markdown).toContain('A circle of radius two has an area of about twelve and a half.');
      } catch (error) {
        failures.push(`${mode} mode: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    expect(failures).toEqual([]);
  }, 180_000);
});
