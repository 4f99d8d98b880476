/**
 * Corpus pages in headless Chromium, the browser and DOM the extension runs in: Blink's parser
 * builds the tree, V8 runs the extractors cold, as a clip does. Each page is served at its own URL
 * from memory with `Content-Security-Policy: script-src 'none'`: the parser still treats scripting
 * as enabled (so <noscript> holds text, as the extension sees it), but none of the page's scripts
 * run, which keeps every load of a page identical. Every other request is refused (a page that
 * sends itself elsewhere gets nothing): the corpus is offline, and nothing outside the HTML
 * carries text.
 */
import { build } from 'esbuild';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_FLAGS } from '../../tests/e2e/harness/chromium';
import { CHROMIUM_PATH } from '../../tests/e2e/harness/config';
import type { CorpusDom, PageRewrite } from './corpus-dom';
import type { Extraction, ExtractorName } from './extractors';
import type { PageFields } from './metadata-agreement';

const ENTRY = fileURLToPath(new URL('../page/extract-in-page.ts', import.meta.url));

async function bundlePageScript(): Promise<string> {
  const result = await build({ entryPoints: [ENTRY], bundle: true, format: 'iife', write: false, target: 'chrome120', logLevel: 'silent' });
  return result.outputFiles[0]!.text;
}

export interface ChromiumCorpusOptions {
  /**
   * One tab for every run instead of a new one each time: the same texts in a third of the time,
   * but a run may find code and caches an earlier run left in the tab's process, so its
   * milliseconds do not compare (for the F1 floor check, which reads no time).
   */
  reuseTab?: boolean;
}

export async function openChromiumCorpus({ reuseTab = false }: ChromiumCorpusOptions = {}): Promise<CorpusDom> {
  const script = await bundlePageScript();
  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_FLAGS] });
  const context: BrowserContext = await browser.newContext();
  // The page being served and its address, without the fragment (requests carry none).
  let serving: { href: string; html: Buffer } | undefined;
  await context.route('**/*', (route) => {
    const request = route.request();
    if (serving && request.isNavigationRequest() && withoutFragment(request.url()) === serving.href) {
      return route.fulfill({
        status: 200,
        headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "script-src 'none'" },
        body: serving.html,
      });
    }
    return route.abort();
  });
  let shared: Page | undefined;
  return {
    notes: [],
    async extract(url: string, html: Buffer, name: ExtractorName, rewrite?: PageRewrite): Promise<Extraction | undefined> {
      serving = { href: withoutFragment(url), html };
      // A new tab each time is a new renderer process: no run finds the heap, the caches or the
      // compiled code another run left behind, so the order of the extractors does not matter.
      if (reuseTab && !shared) shared = await context.newPage();
      const page = reuseTab && shared ? shared : await context.newPage();
      try {
        // The same address again with a #fragment is a same-document navigation: the tab would keep
        // the page the previous extractor ran on (Readability changes what it reads).
        if (reuseTab && withoutFragment(page.url()) === serving.href) await page.goto('about:blank');
        await page.goto(url, { waitUntil: 'domcontentloaded' });
        await page.evaluate(script);
        return await page.evaluate(
          ([n, r]) => (globalThis as unknown as { __extract(n: string, r?: PageRewrite): Extraction | undefined }).__extract(n, r),
          [name, rewrite] as const,
        );
      } finally {
        if (!reuseTab) await page.close();
      }
    },
    async metadata(url, html) {
      serving = { href: withoutFragment(url), html };
      if (!shared) shared = await context.newPage();
      await shared.goto(url, { waitUntil: 'domcontentloaded' });
      await shared.evaluate(script);
      return await shared.evaluate(() => (globalThis as unknown as { __metadata(): Record<ExtractorName, PageFields> }).__metadata());
    },
    close: () => browser.close(),
  };
}

function withoutFragment(url: string): string {
  const parsed = new URL(url);
  parsed.hash = '';
  return parsed.href;
}
