import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Locator, type Page, type Worker } from 'playwright';
import { wipeAndReload } from './reset';
import { assertBuilt, CHROMIUM_EXTENSION_DIR, CHROMIUM_PATH, HEADLESS } from './config';
import type { BrowserSession, PopupPage, Role, TextMatch } from './types';
import { normalise } from './wait';

const TIMEOUT = 10_000;
const VIEWPORT = { width: 400, height: 600 };

/** Flags verified on this machine; the profile is fresh for every session. */
function chromiumArgs(extensionDir: string): string[] {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
}

/**
 * Playwright's `headless: true` starts this Chromium with `--headless` (the "new" headless mode,
 * the only one left in Chromium 132+), which loads unpacked extensions and runs their service worker.
 */
export async function launchChromium(extensionDir = CHROMIUM_EXTENSION_DIR): Promise<BrowserSession> {
  assertBuilt(extensionDir);
  const profileDir = mkdtempSync(join(tmpdir(), 'cta-e2e-chromium-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    headless: HEADLESS,
    args: chromiumArgs(extensionDir),
    viewport: VIEWPORT,
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: TIMEOUT }));
    const extensionId = new URL(worker.url()).host;
    return new ChromiumSession(context, profileDir, extensionId);
  } catch (error) {
    await context.close();
    rmSync(profileDir, { recursive: true, force: true });
    throw error;
  }
}

class ChromiumSession implements BrowserSession {
  readonly name = 'chromium' as const;
  readonly baseUrl: string;
  private readonly popups = new Set<PopupPage>();

  constructor(
    private readonly context: BrowserContext,
    private readonly profileDir: string,
    readonly extensionId: string,
  ) {
    this.baseUrl = `chrome-extension://${extensionId}/`;
  }

  async openPopup(query = ''): Promise<PopupPage> {
    const page = await this.context.newPage();
    const popup = new ChromiumPopup(page, () => this.popups.delete(popup));
    this.popups.add(popup);
    const search = query === '' || query.startsWith('?') ? query : `?${query}`;
    await page.goto(`${this.baseUrl}popup.html${search}`);
    return popup;
  }

  async evaluateInExtension<T>(fn: () => T | Promise<T>): Promise<T> {
    return (await this.worker()).evaluate(fn);
  }

  async reset(): Promise<void> {
    for (const popup of this.openPopups()) await popup.close();
    const worker = await this.worker();
    const restarted = this.context.waitForEvent('serviceworker', {
      predicate: (w) => w.url().startsWith(this.baseUrl),
      timeout: TIMEOUT,
    });
    await worker.evaluate(wipeAndReload);
    await restarted;
  }

  openPopups(): PopupPage[] {
    return [...this.popups];
  }

  async close(): Promise<void> {
    await this.context.close();
    rmSync(this.profileDir, { recursive: true, force: true });
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

  async screenshot(path: string): Promise<void> {
    // A short viewport plus fullPage crops the image to the popup's own height, like the real popup.
    await this.page.setViewportSize({ width: VIEWPORT.width, height: 100 });
    try {
      await this.page.screenshot({ path, fullPage: true });
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
