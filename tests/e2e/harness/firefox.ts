import { answersAgain } from './background-ready';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import puppeteer, { type Browser, type ElementHandle, type JSHandle, type Page, type Target } from 'puppeteer-core';
import { assertBuilt, FIREFOX_EXTENSION_DIR, FIREFOX_PATH, FIREFOX_UUID, GECKO_ID, HEADLESS } from './config';
import { type FixtureServer, startFixtureServer, tabIdOf, uniqueUrl } from './fixture-server';
import type { BrowserSession, ExtensionGlobal, PopupPage, Role, TextMatch } from './types';
import { atMost, matches, normalise, waitUntil } from './wait';

const TIMEOUT = 10_000;
const VIEWPORT = { width: 400, height: 600 };

/** Test-profile prefs; each one is here for a reason found on firefox-esr 153. */
const PREFS = {
  // Fixes the moz-extension UUID (it is random per profile) so the harness knows the popup's URL.
  'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
  // MV3 host_permissions are optional in Firefox; this (default true since Firefox 127) grants them
  // at install, temporary add-ons included. Set explicitly so a changed default fails loudly here.
  'extensions.originControls.grantByDefault': true,
  // The popup is opened with window.open() from a script, not a click: no popup blocker.
  'dom.disable_open_during_load': false,
};

/**
 * Firefox over WebDriver BiDi (no geckodriver). The add-on is installed as a temporary add-on
 * (BiDi webExtension.install). Firefox refuses to navigate a tab to moz-extension:// under
 * automation, so popups are opened with window.open() from a loopback fixture page.
 */
interface Running {
  browser: Browser;
  /** The loopback fixture page popups are window.open()ed from. */
  opener: Page;
  profileDir: string;
}

/** Prefs that put Firefox's UI, and so the extension's `i18n`, in `lang` (its language pack installed: `.ci/run`). */
function languagePrefs(lang: string | undefined): Record<string, string> {
  return lang ? { 'intl.locale.requested': lang } : {};
}

async function startFirefox(extensionDir: string, fixtureUrl: string, lang?: string): Promise<Running> {
  const profileDir = mkdtempSync(join(tmpdir(), 'cta-e2e-firefox-'));
  let browser: Browser | undefined;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX_PATH,
      headless: HEADLESS,
      userDataDir: profileDir,
      extraPrefsFirefox: { ...PREFS, ...languagePrefs(lang) },
      defaultViewport: VIEWPORT,
    });
    const installed = await browser.installExtension(extensionDir);
    if (installed !== GECKO_ID) throw new Error(`Installed add-on id ${installed}, expected ${GECKO_ID}`);
    const opener = (await browser.pages())[0] ?? (await browser.newPage());
    await opener.goto(fixtureUrl);
    return { browser, opener, profileDir };
  } catch (error) {
    await browser?.close();
    rmSync(profileDir, { recursive: true, force: true });
    throw error;
  }
}

async function stopFirefox(running: Running): Promise<void> {
  await atMost(running.browser.close(), 10_000);
  rmSync(running.profileDir, { recursive: true, force: true });
}

/** `lang` (e.g. 'de'): the browser, and so the extension, in that language. */
export async function launchFirefox(extensionDir = FIREFOX_EXTENSION_DIR, lang?: string): Promise<BrowserSession> {
  assertBuilt(extensionDir);
  const fixture = await startFixtureServer();
  let session: FirefoxSession | undefined;
  try {
    session = new FirefoxSession(await startFirefox(extensionDir, fixture.url, lang), extensionDir, fixture, lang);
    await session.assertHostPermission();
    return session;
  } catch (error) {
    if (session) await session.close();
    else await fixture.close();
    throw error;
  }
}

/** The page among `targets` that shows exactly `url`, loaded; undefined while there is none. */
async function firstShowing(targets: readonly Target[], url: string): Promise<Page | undefined> {
  for (const target of targets) {
    const page = await target.page().catch(() => null);
    if (!page) continue;
    const ready = await page
      .evaluate((u: string) => location.href === u && document.readyState === 'complete', url)
      .catch(() => false);
    if (ready) return page;
  }
  return undefined;
}

class FirefoxSession implements BrowserSession {
  readonly name = 'firefox' as const;
  readonly extensionId = FIREFOX_UUID;
  readonly baseUrl = `moz-extension://${FIREFOX_UUID}/`;
  private readonly popups = new Set<PopupPage>();
  /** window.open calls are serialised so each new target belongs to exactly one openPopup call. */
  private opening: Promise<unknown> = Promise.resolve();

  constructor(
    private running: Running,
    private readonly extensionDir: string,
    private readonly fixture: FixtureServer,
    private readonly lang?: string,
  ) {}

  private get browser(): Browser {
    return this.running.browser;
  }

  private get opener(): Page {
    return this.running.opener;
  }

  openPopup(query = '', loadTimeoutMs = TIMEOUT): Promise<PopupPage> {
    const next = this.opening.then(() => this.openPopupNow(query, loadTimeoutMs));
    this.opening = next.catch(() => undefined);
    return next;
  }

  private async openPopupNow(query: string, loadTimeoutMs: number): Promise<PopupPage> {
    const search = query === '' || query.startsWith('?') ? query : `?${query}`;
    const url = `${this.baseUrl}popup.html${search}`;
    // Every target created from here on is a candidate: a tab the extension opened a moment ago
    // (chrome.tabs.create resolves before its target is announced) may be announced after this
    // window.open, so the first new target is not necessarily the popup.
    const created: Target[] = [];
    const collect = (target: Target) => created.push(target);
    this.browser.on('targetcreated', collect);
    let page: Page;
    try {
      await this.opener.evaluate((u: string) => {
        window.open(u, '_blank', 'noopener');
      }, url);
      // The target starts as about:blank and puppeteer's page.url() may stay stale: ask each page itself.
      page = await waitUntil(`popup ${url} to load`, () => firstShowing(created, url), loadTimeoutMs);
    } catch (error) {
      // A popup still loading must not linger into the next test; pages the test opened stay.
      for (const target of created) {
        const candidate = await target.page().catch(() => null);
        const href = candidate ? await atMost(candidate.evaluate(() => location.href), 3_000).catch(() => undefined) : undefined;
        if (candidate && (href === undefined || href === 'about:blank' || href.startsWith(this.baseUrl))) {
          await atMost(candidate.close().catch(() => undefined), 3_000);
        }
      }
      throw error;
    } finally {
      this.browser.off('targetcreated', collect);
    }
    const popup = new FirefoxPopup(page, url, () => this.popups.delete(popup));
    this.popups.add(popup);
    return popup;
  }

  async extensionTab(path: string): Promise<PopupPage> {
    const url = `${this.baseUrl}${path}`;
    // puppeteer's page.url() of an extension tab may stay about:blank: ask each page where it is.
    const page = await waitUntil(`the extension's tab ${path}`, async () => {
      for (const candidate of await this.browser.pages()) {
        const shows = await atMost(
          candidate.evaluate((u: string) => location.href.startsWith(u) && document.readyState === 'complete', url),
          3_000,
        ).catch(() => false);
        if (shows) return candidate;
      }
      return undefined;
    });
    const tab = new FirefoxPopup(page, url, () => this.popups.delete(tab));
    this.popups.add(tab);
    return tab;
  }

  async evaluateInExtension<T, A = undefined>(fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T> {
    const popup = (await this.openPopup()) as FirefoxPopup;
    try {
      return await popup.evaluateWith(fn, arg as A);
    } finally {
      await popup.close();
    }
  }

  async restartBackground(): Promise<void> {
    const reloaded = await this.evaluateInExtension(async () => {
      const page = (await (globalThis as unknown as ExtensionGlobal).chrome.runtime.getBackgroundPage()) as Window | null;
      if (!page) return false;
      page.location.reload();
      return true;
    });
    if (!reloaded) throw new Error('Firefox gave no background page to reload');
    await answersAgain(this);
  }

  get fixtureUrl(): string {
    return this.fixture.url;
  }

  async openPage(path = '/'): Promise<number> {
    const url = uniqueUrl(this.fixture.url, path);
    const page = await this.browser.newPage();
    await page.goto(url);
    return tabIdOf(this, url);
  }

  /**
   * A new profile and browser. (Wiping the add-on and runtime.reload() from an extension page works
   * in isolation, but puppeteer's handles to the reloaded pages can hang; a restart cannot leak.)
   */
  async reset(): Promise<void> {
    this.popups.clear();
    await stopFirefox(this.running);
    this.running = await startFirefox(this.extensionDir, this.fixture.url, this.lang);
    await this.assertHostPermission();
  }

  async assertHostPermission(): Promise<void> {
    const granted = await this.evaluateInExtension(() =>
      (globalThis as unknown as ExtensionGlobal).chrome.permissions.contains({ origins: ['http://127.0.0.1/*'] }),
    );
    if (!granted) throw new Error('Firefox did not grant http://127.0.0.1/* to the temporary add-on');
  }

  openPopups(): PopupPage[] {
    return [...this.popups];
  }

  async close(): Promise<void> {
    await stopFirefox(this.running);
    await this.fixture.close();
  }
}

const ROLE_QUERY_ENTRY = fileURLToPath(new URL('./role-query.page.ts', import.meta.url));
let roleQueryScript: Promise<string> | undefined;

/** The page script behind role queries (role-query.page.ts), bundled once per run. */
function roleQuery(): Promise<string> {
  roleQueryScript ??= build({ entryPoints: [ROLE_QUERY_ENTRY], bundle: true, format: 'iife', write: false, logLevel: 'silent' }).then(
    (result) => result.outputFiles[0]!.text,
  );
  return roleQueryScript;
}

type RoleQueryGlobal = { __e2eByRole?: (role: string, name?: string) => Element[] };

class FirefoxPopup implements PopupPage {
  private readonly pageErrors: string[] = [];

  constructor(
    private readonly page: Page,
    readonly url: string,
    private readonly onClose: () => void,
  ) {
    page.on('pageerror', (error) => this.pageErrors.push(error instanceof Error ? error.message : String(error)));
    page.on('close', onClose);
  }

  /** Shown elements with that role (and exact accessible name), found in the page (role-query.page.ts). */
  private async all(role: Role, name?: string): Promise<ElementHandle<Node>[]> {
    const query = (r: string, n: string | undefined) => (globalThis as RoleQueryGlobal).__e2eByRole?.(r, n) ?? null;
    let list: JSHandle<Element[] | null> = await this.page.evaluateHandle(query, role, name);
    if (await list.evaluate((found: Element[] | null) => found === null)) {
      // A new page (or a reloaded one) has no query script yet.
      await list.dispose();
      await this.page.evaluate(await roleQuery());
      list = await this.page.evaluateHandle(query, role, name);
    }
    try {
      const handles: ElementHandle<Node>[] = [];
      for (const handle of (await list.getProperties()).values()) {
        const element = handle.asElement();
        if (element) handles.push(element);
        else await handle.dispose();
      }
      return handles;
    } finally {
      await list.dispose();
    }
  }

  private first(role: Role, name: string | undefined, what: string): Promise<ElementHandle<Node>> {
    return waitUntil(what, async () => (await this.all(role, name))[0], TIMEOUT);
  }

  async clickButton(name: string): Promise<void> {
    let lastClickError: unknown;
    await waitUntil(`enabled button "${name}"`, async () => {
      for (const handle of await this.all('button', name)) {
        const enabled = await handle.evaluate(
          (el) => el instanceof Element && !el.matches(':disabled') && el.getAttribute('aria-disabled') !== 'true',
        );
        if (!enabled) continue;
        try {
          await (handle as ElementHandle<Element>).click();
          return true;
        } catch (e) {
          if (!/not clickable|not an Element|detached/i.test(String(e))) throw e;
          lastClickError = e;
          // Firefox's BiDi click can find the node replaced between the query and the pointer action (seen on a
          // list that redraws as storage changes); find and activate it in one step inside the page instead.
          const clicked = await this.page.evaluate(
            (n) => {
              const found = (globalThis as RoleQueryGlobal).__e2eByRole?.('button', n)[0];
              if (found instanceof HTMLElement && !found.matches(':disabled')) found.click();
              return found !== undefined;
            },
            name,
          );
          if (clicked) return true;
        }
      }
      return undefined;
    }).catch((e: unknown) => {
      throw lastClickError === undefined ? e : new Error(`${String(e)} (last click error: ${String(lastClickError)})`);
    });
  }

  async fill(role: 'textbox', name: string, value: string): Promise<void> {
    const field = (await this.first(role, name, `textbox "${name}"`)) as ElementHandle<HTMLInputElement>;
    await field.focus();
    await field.evaluate((el) => el.select());
    await this.page.keyboard.press('Backspace');
    await field.type(value);
  }

  async valueOf(role: 'textbox' | 'combobox', name: string): Promise<string> {
    const field = await this.first(role, name, `${role} "${name}"`);
    return field.evaluate((el) => (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement ? el.value : ''));
  }

  async textOf(role: Role, name?: string): Promise<string> {
    const el = await this.first(role, name, `${role}${name === undefined ? '' : ` "${name}"`}`);
    return normalise(await el.evaluate((node) => node.textContent));
  }

  async waitForText(role: Role, text: TextMatch): Promise<string> {
    return waitUntil(`${role} containing ${String(text)}`, async () => {
      for (const handle of await this.all(role)) {
        const content = normalise(await handle.evaluate((node) => node.textContent));
        if (matches(content, text)) return content;
      }
      return undefined;
    });
  }

  async waitFor(role: Role, name: string): Promise<void> {
    await this.first(role, name, `${role} "${name}"`);
  }

  async count(role: Role, name?: string): Promise<number> {
    return (await this.all(role, name)).length;
  }

  async evaluate<T>(fn: () => T | Promise<T>): Promise<T> {
    return (await this.page.evaluate(fn)) as T;
  }

  async evaluateWith<T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T> {
    const run = fn as unknown as (value: unknown) => Promise<T>;
    return (await this.page.evaluate(run, arg as unknown)) as T;
  }

  errors(): string[] {
    return [...this.pageErrors];
  }

  async screenshot(path: string, _size?: { width: number; maxHeight: number }): Promise<void> {
    // No setViewport here: puppeteer sends emulation.setScreenOrientationOverride with it, which
    // Firefox 140 ESR (Debian's) does not know, so the picture is the popup's viewport and what overflows it.
    await this.page.screenshot({ path: path as `${string}.png`, fullPage: true });
  }

  closed(): Promise<void> {
    if (this.page.isClosed()) return Promise.resolve();
    return new Promise((resolve) => this.page.once('close', () => resolve()));
  }

  async close(): Promise<void> {
    // A page whose extension was reloaded is gone, and closing it over BiDi can wait forever.
    if (!this.page.isClosed()) await atMost(this.page.close().catch(() => undefined), 3_000);
    this.onClose();
  }
}
