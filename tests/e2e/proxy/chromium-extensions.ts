import { chromiumArgs } from '../harness/chromium';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright';
import { CHROMIUM_EXTENSION_DIR, CHROMIUM_PATH, HEADLESS, assertBuilt } from '../harness/config';
import { type FixtureServer, startFixtureServer } from '../harness/fixture-server';
import { stopServiceWorker } from '../harness/service-worker';
import type { ExtensionGlobal } from '../harness/types';

/**
 * A Chromium for the scenarios the shared harness cannot express: more than one unpacked
 * extension at once, and CDP control over the extension's service worker. It follows the
 * harness's launch (same flags, fresh profile, loopback fixture server) and exposes the Playwright
 * context instead of the BrowserSession abstraction.
 */
const TIMEOUT = 10_000;

export interface ExtensionsChromium {
  context: BrowserContext;
  /** Our extension's id. */
  extensionId: string;
  fixture: FixtureServer;
  /** popup.html of our extension in a new tab (`query` without '?'). */
  openPopup(query?: string): Promise<Page>;
  /** A fixture page in a new tab; returns the page and its tab id. */
  openFixture(path?: string): Promise<{ page: Page; tabId: number; url: string }>;
  /** Our service worker, waking it by opening an extension page if it is stopped. */
  worker(): Promise<Worker>;
  /** Stops our service worker through CDP (as Chromium does after 30 s idle); resolves once stopped. */
  stopWorker(): Promise<void>;
  close(): Promise<void>;
}

let fixtureCounter = 0;

export async function launchChromiumWith(extraExtensionDirs: string[] = []): Promise<ExtensionsChromium> {
  assertBuilt(CHROMIUM_EXTENSION_DIR);
  const dirs = [CHROMIUM_EXTENSION_DIR, ...extraExtensionDirs].join(',');
  const profileDir = mkdtempSync(join(tmpdir(), 'cta-e2e-proxy-'));
  const fixture = await startFixtureServer();
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    headless: HEADLESS,
    viewport: { width: 400, height: 600 },
    args: chromiumArgs(dirs),
  });
  const close = async () => {
    await context.close();
    await fixture.close();
    rmSync(profileDir, { recursive: true, force: true });
  };
  try {
    const extensionId = await ourExtensionId(context);
    const baseUrl = `chrome-extension://${extensionId}/`;
    const ours = (w: Worker) => w.url().startsWith(baseUrl);

    const openPopup = async (query = '') => {
      const page = await context.newPage();
      page.setDefaultTimeout(TIMEOUT);
      await page.goto(`${baseUrl}popup.html${query ? `?${query}` : ''}`);
      return page;
    };
    const worker = async () => {
      const running = context.serviceWorkers().find(ours);
      if (running) return running;
      const started = context.waitForEvent('serviceworker', { predicate: ours, timeout: TIMEOUT });
      const page = await openPopup();
      try {
        return await started;
      } finally {
        await page.close();
      }
    };

    return {
      context,
      extensionId,
      fixture,
      openPopup,
      worker,
      async openFixture(path = '/') {
        fixtureCounter += 1;
        const url = new URL(path, fixture.url);
        url.searchParams.set('proxy', String(fixtureCounter));
        const page = await context.newPage();
        page.setDefaultTimeout(TIMEOUT);
        await page.goto(url.href);
        const tabId = await (await worker()).evaluate(async (wanted: string) => {
          const tabs = await (globalThis as unknown as ExtensionGlobal).chrome.tabs.query({});
          return tabs.find((tab) => tab.url === wanted)?.id ?? -1;
        }, url.href);
        if (tabId < 0) throw new Error(`No tab shows ${url.href}`);
        return { page, tabId, url: url.href };
      },
      async stopWorker() {
        await stopServiceWorker(context, baseUrl);
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** The id of the extension loaded from CHROMIUM_EXTENSION_DIR (its worker is background.js and it has popup.html). */
async function ourExtensionId(context: BrowserContext): Promise<string> {
  const deadline = Date.now() + TIMEOUT;
  for (;;) {
    for (const w of context.serviceWorkers()) {
      const isOurs = await w
        .evaluate(() => (globalThis as unknown as ExtensionGlobal).chrome.runtime.getManifest().name === 'Clip to Anytype')
        .catch(() => false);
      if (isOurs) return new URL(w.url()).host;
    }
    if (Date.now() > deadline) throw new Error('Clip to Anytype did not start its service worker');
    await context.waitForEvent('serviceworker', { timeout: 1_000 }).catch(() => undefined);
  }
}

