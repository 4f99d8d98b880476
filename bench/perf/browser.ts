import { chromiumArgs } from '../../tests/e2e/harness/chromium';
import { CHROMIUM_PATH } from '../../tests/e2e/harness/config';
/**
 * Headless Chromium with the test build loaded. The launch flags are copied from
 * tests/e2e/harness/chromium.ts (verified there on this machine); the bench needs the raw
 * Playwright context and pages for timing, which the harness's BrowserSession does not expose.
 * The build is copied to a temp dir first so that a concurrent `npm run build:test` (e2e) cannot
 * change files under a running browser.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright';

const TIMEOUT = 15_000;

export interface BenchBrowser {
  context: BrowserContext;
  extensionId: string;
  popupUrl(query?: string): string;
  /** The extension's service worker (it may stop when idle and come back as a new Worker). */
  worker(): Promise<Worker>;
  /** The browser's DevTools WebSocket endpoint, for a connection of the bench's own (bench/perf/cdp.ts). */
  devtoolsUrl: string;
  /** Id of the tab showing exactly `url`, from the extension's service worker. */
  tabIdOf(url: string): Promise<number>;
  close(): Promise<void>;
}


export async function launchBenchBrowser(buildDir: string): Promise<BenchBrowser> {
  const work = mkdtempSync(join(tmpdir(), 'cta-bench-'));
  const extensionDir = join(work, 'extension');
  cpSync(buildDir, extensionDir, { recursive: true });
  const context = await chromium.launchPersistentContext(join(work, 'profile'), {
    executablePath: CHROMIUM_PATH,
    headless: true,
    // A DevTools port beside Playwright's pipe: the toolbar popup is observed through it.
    args: [...chromiumArgs(extensionDir), '--remote-debugging-port=0'],
    viewport: { width: 400, height: 600 },
  });
  const cleanup = async () => {
    await context.close().catch(() => undefined);
    rmSync(work, { recursive: true, force: true });
  };
  try {
    const first = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: TIMEOUT }));
    const extensionId = new URL(first.url()).host;
    const base = `chrome-extension://${extensionId}/`;
    // The worker may stop when idle and come back as a new Worker object.
    const worker = async (): Promise<Worker> =>
      context.serviceWorkers().find((w) => w.url().startsWith(base)) ??
      (await context.waitForEvent('serviceworker', { timeout: TIMEOUT }));
    return {
      context,
      extensionId,
      popupUrl: (query = '') => `${base}popup.html${query}`,
      worker,
      devtoolsUrl: devtoolsUrl(join(work, 'profile')),
      async tabIdOf(url) {
        const id = await (await worker()).evaluate(async (wanted: string) => {
          const g = globalThis as unknown as { chrome: typeof browser };
          const tabs = await g.chrome.tabs.query({});
          return tabs.find((t) => t.url === wanted)?.id ?? -1;
        }, url);
        if (id < 0) throw new Error(`no tab shows ${url}`);
        return id;
      },
      close: cleanup,
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

/** Chromium writes the port it chose, and the browser endpoint's path, into the profile. */
function devtoolsUrl(profileDir: string): string {
  const file = join(profileDir, 'DevToolsActivePort');
  if (!existsSync(file)) throw new Error(`Chromium wrote no ${file}`);
  const [port, path] = readFileSync(file, 'utf8').split('\n');
  return `ws://127.0.0.1:${port}${path}`;
}

/** Collects uncaught errors and console errors of a page, for the bench's failure messages. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return errors;
}
