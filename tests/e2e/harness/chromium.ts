import { stopServiceWorker } from './service-worker';
import { answersAgain } from './background-ready';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Locator, type Page, type Worker } from 'playwright';
import { type FixtureServer, startFixtureServer, tabIdOf, uniqueUrl } from './fixture-server';
import { assertBuilt, CHROMIUM_EXTENSION_DIR, CHROMIUM_PATH, HEADLESS } from './config';
import type { BrowserSession, PopupPage, Role, TextMatch } from './types';
import { normalise, waitUntil } from './wait';

const TIMEOUT = 10_000;
const VIEWPORT = { width: 400, height: 600 };

/** Flags verified on this machine for a headless run with a fresh profile; shared with the benches. */
export const CHROMIUM_FLAGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * The flags with unpacked extensions loaded; `extensionDirs` is one directory or several joined
 * with commas. Shared with the bench and the two-extension test.
 */
export function chromiumArgs(extensionDirs: string): string[] {
  return [`--disable-extensions-except=${extensionDirs}`, `--load-extension=${extensionDirs}`, ...CHROMIUM_FLAGS];
}

interface Running {
  context: BrowserContext;
  profileDir: string;
  extensionId: string;
}

/**
 * Playwright's `headless: true` starts this Chromium with `--headless` (the "new" headless mode,
 * the only one left in Chromium 132+), which loads unpacked extensions and runs their service worker.
 */
async function startChromium(extensionDir: string, lang?: string): Promise<Running> {
  const profileDir = mkdtempSync(join(tmpdir(), 'cta-e2e-chromium-'));
  // The extension's language is the browser's UI language: on Linux `--lang` and LANGUAGE set it.
  const language = lang ? { args: [`--lang=${lang}`], env: { ...process.env, LANGUAGE: lang } as Record<string, string> } : undefined;
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    headless: HEADLESS,
    args: [...chromiumArgs(extensionDir), ...(language?.args ?? [])],
    ...(language ? { env: language.env, locale: lang } : {}),
    viewport: VIEWPORT,
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: TIMEOUT }));
    return { context, profileDir, extensionId: new URL(worker.url()).host };
  } catch (error) {
    await stopChromium({ context, profileDir, extensionId: '' });
    throw error;
  }
}

async function stopChromium(running: Running): Promise<void> {
  await running.context.close();
  rmSync(running.profileDir, { recursive: true, force: true });
}

/** `lang` (e.g. 'de'): the browser, and so the extension, in that language. */
export async function launchChromium(extensionDir = CHROMIUM_EXTENSION_DIR, lang?: string): Promise<BrowserSession> {
  assertBuilt(extensionDir);
  const fixture = await startFixtureServer();
  try {
    return new ChromiumSession(await startChromium(extensionDir, lang), extensionDir, fixture, lang);
  } catch (error) {
    await fixture.close();
    throw error;
  }
}

class ChromiumSession implements BrowserSession {
  readonly name = 'chromium' as const;
  readonly baseUrl: string;
  readonly extensionId: string;
  private readonly popups = new Set<PopupPage>();

  constructor(
    private running: Running,
    private readonly extensionDir: string,
    private readonly fixture: FixtureServer,
    private readonly lang?: string,
  ) {
    // An unpacked extension's id is derived from its path: it survives a restart with a new profile.
    this.extensionId = running.extensionId;
    this.baseUrl = `chrome-extension://${this.extensionId}/`;
  }

  private get context(): BrowserContext {
    return this.running.context;
  }

  async openPopup(query = '', loadTimeoutMs = TIMEOUT): Promise<PopupPage> {
    const page = await this.context.newPage();
    const popup = new ChromiumPopup(page, () => this.popups.delete(popup));
    this.popups.add(popup);
    const search = query === '' || query.startsWith('?') ? query : `?${query}`;
    try {
      await page.goto(`${this.baseUrl}popup.html${search}`, { timeout: loadTimeoutMs });
    } catch (error) {
      // While the extension reloads its pages fail to load (net::ERR_BLOCKED_BY_CLIENT).
      await popup.close();
      throw error;
    }
    return popup;
  }

  async extensionTab(path: string): Promise<PopupPage> {
    const url = `${this.baseUrl}${path}`;
    // The worker opens it from runtime.onInstalled, which may run before or after Playwright has
    // the context: look at every page the context knows, as often as needed, until one shows it.
    const page = await waitUntil(`the extension's tab ${path}`, async () =>
      this.context.pages().find((candidate) => !candidate.isClosed() && candidate.url().startsWith(url)),
    );
    await page.waitForLoadState('load');
    const tab = new ChromiumPopup(page, () => this.popups.delete(tab));
    this.popups.add(tab);
    return tab;
  }

  async evaluateInExtension<T, A = undefined>(fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T> {
    // Playwright's argument types cannot follow a generic A; the value is passed through unchanged.
    const run = fn as unknown as (value: unknown) => Promise<T>;
    return (await this.worker()).evaluate(run, arg as unknown);
  }

  async restartBackground(): Promise<void> {
    // Running first (it may have idled out), so there is a worker to stop.
    await (await this.worker()).evaluate(() => true);
    await stopServiceWorker(this.context, this.baseUrl);
    await answersAgain(this);
  }

  get fixtureUrl(): string {
    return this.fixture.url;
  }

  async openPage(path = '/'): Promise<number> {
    const url = uniqueUrl(this.fixture.url, path);
    const page = await this.context.newPage();
    await page.goto(url);
    return tabIdOf(this, url);
  }

  /**
   * A new profile and browser: chrome.runtime.reload() of a --load-extension extension leaves it
   * unloaded in this Chromium (its pages fail with ERR_BLOCKED_BY_CLIENT), and a Chromium start is
   * about as quick as a reload anyway.
   */
  async reset(): Promise<void> {
    this.popups.clear();
    await stopChromium(this.running);
    this.running = await startChromium(this.extensionDir, this.lang);
    if (this.running.extensionId !== this.extensionId) {
      throw new Error(`The extension id changed across a restart: ${this.running.extensionId}`);
    }
  }

  openPopups(): PopupPage[] {
    return [...this.popups];
  }

  async close(): Promise<void> {
    await stopChromium(this.running);
    await this.fixture.close();
  }

  /** The worker may have been stopped after 30 s idle and restarted since launch. */
  private async worker(): Promise<Worker> {
    const running = this.context.serviceWorkers().find((w) => w.url().startsWith(this.baseUrl));
    if (running) return running;
    // Opening an extension page wakes the worker when the popup talks to it; wait for it either way.
    return this.context.waitForEvent('serviceworker', { timeout: TIMEOUT });
  }
}

class ChromiumPopup implements PopupPage {
  private readonly pageErrors: string[] = [];

  constructor(
    private readonly page: Page,
    private readonly onClose: () => void,
  ) {
    page.setDefaultTimeout(TIMEOUT);
    page.on('pageerror', (error) => this.pageErrors.push(error.message));
    page.on('close', onClose);
  }

  get url(): string {
    return this.page.url();
  }

  private byRole(role: Role, name?: string): Locator {
    return name === undefined ? this.page.getByRole(role) : this.page.getByRole(role, { name, exact: true });
  }

  async clickButton(name: string): Promise<void> {
    // Playwright waits for the button to be visible, stable and enabled.
    await this.byRole('button', name).click();
  }

  async fill(role: 'textbox', name: string, value: string): Promise<void> {
    const field = this.byRole(role, name);
    await field.fill('');
    await field.pressSequentially(value);
  }

  async valueOf(role: 'textbox' | 'combobox', name: string): Promise<string> {
    return this.byRole(role, name).first().inputValue();
  }

  async textOf(role: Role, name?: string): Promise<string> {
    const first = this.byRole(role, name).first();
    await first.waitFor();
    return normalise(await first.textContent());
  }

  async waitForText(role: Role, text: TextMatch): Promise<string> {
    const match = this.byRole(role).filter({ hasText: text }).first();
    await match.waitFor();
    return normalise(await match.textContent());
  }

  async waitFor(role: Role, name: string): Promise<void> {
    await this.byRole(role, name).first().waitFor();
  }

  async count(role: Role, name?: string): Promise<number> {
    return this.byRole(role, name).count();
  }

  async evaluate<T>(fn: () => T | Promise<T>): Promise<T> {
    return this.page.evaluate(fn);
  }

  errors(): string[] {
    return [...this.pageErrors];
  }

  async screenshot(path: string, size = { width: VIEWPORT.width, maxHeight: 600 }): Promise<void> {
    // As the real toolbar popup: as high as its content, at most 600 px (Chrome's limit), so
    // what sticks to the popup's bottom (Save) is drawn where a person sees it.
    await this.page.setViewportSize({ width: size.width, height: 100 });
    try {
      const height = await this.page.evaluate(() => document.documentElement.scrollHeight);
      await this.page.setViewportSize({ width: size.width, height: Math.min(height, size.maxHeight) });
      await this.page.screenshot({ path });
    } finally {
      await this.page.setViewportSize(VIEWPORT);
    }
  }

  closed(): Promise<void> {
    if (this.page.isClosed()) return Promise.resolve();
    return new Promise((resolve) => this.page.once('close', () => resolve()));
  }

  async close(): Promise<void> {
    if (!this.page.isClosed()) await this.page.close();
    this.onClose();
  }
}
