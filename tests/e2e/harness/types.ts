/** What a scenario sees of a browser, so each scenario is written once for Chromium and Firefox. */
export type BrowserName = 'chromium' | 'firefox';

/** ARIA roles the popup contract uses (CONTRACTS.md, "Popup UI contract"). */
export type Role = 'button' | 'textbox' | 'status' | 'alert' | 'link' | 'combobox' | 'checkbox' | 'heading';

export type TextMatch = string | RegExp;

export interface PopupPage {
  readonly url: string;
  /** Clicks the enabled button with this exact accessible name (waits for it). */
  clickButton(name: string): Promise<void>;
  /** Replaces the value of the field with this exact accessible name, typing like a person. */
  fill(role: 'textbox', name: string, value: string): Promise<void>;
  /** The current value of the field (textbox or combobox) with this exact accessible name; waits for it. */
  valueOf(role: 'textbox' | 'combobox', name: string): Promise<string>;
  /** Normalised text of the first element with that role (and exact name, when given); waits for it. */
  textOf(role: Role, name?: string): Promise<string>;
  /** Waits until an element with that role contains the text; returns its normalised text. */
  waitForText(role: Role, text: TextMatch): Promise<string>;
  /** Waits until an element with that role and exact name is shown. */
  waitFor(role: Role, name: string): Promise<void>;
  /** How many elements with that role (and exact name) are shown right now. */
  count(role: Role, name?: string): Promise<number>;
  /** Runs a function in the popup (an extension page: `browser`/`chrome` APIs available). */
  evaluate<T>(fn: () => T | Promise<T>): Promise<T>;
  /** Uncaught errors and console errors the page reported so far. */
  errors(): string[];
  /** `width`: a page wider than the toolbar popup (the welcome page), drawn whole up to `maxHeight`. */
  screenshot(path: string, size?: { width: number; maxHeight: number }): Promise<void>;
  /** Resolves once the page is gone (closed by the harness, by itself, or by an extension reload). */
  closed(): Promise<void>;
  close(): Promise<void>;
}

export interface BrowserSession {
  readonly name: BrowserName;
  /** Chromium: the extension id; Firefox: the moz-extension UUID fixed by the harness. */
  readonly extensionId: string;
  /** chrome-extension://<id>/ or moz-extension://<uuid>/ */
  readonly baseUrl: string;
  /** Opens popup.html (`query` without or with the leading '?', e.g. 'tabId=3') in its own tab. */
  openPopup(query?: string): Promise<PopupPage>;
  /**
   * The tab the extension opened by itself showing `path` (e.g. 'welcome.html', opened on install),
   * once it has loaded; waits for it, as the extension may open it after the browser is handed over.
   */
  extensionTab(path: string): Promise<PopupPage>;
  /**
   * Runs a function in the extension: Chromium in the service worker, Firefox in an extension page
   * (puppeteer cannot reach Firefox's background page). Use `chrome.*`, which both browsers expose.
   */
  evaluateInExtension<T, A = undefined>(fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T>;
  /**
   * Stops the extension's background and starts it again, as the browser does (Chromium: its service
   * worker stopped through CDP, woken by the next message; Firefox: its event page reloaded). What it
   * held in memory is gone; what it stored stays. Resolves once the new background answers.
   */
  restartBackground(): Promise<void>;
  /** Base URL of the session's loopback fixture server (a plain article page at `/`). */
  readonly fixtureUrl: string;
  /** Opens a fixture page (`path`, default '/') in a new tab and returns the tab's id, for `?tabId=`. */
  openPage(path?: string): Promise<number>;
  /**
   * The state of a fresh install: a new profile and browser with the extension (same id/UUID, same
   * fixture server). Popups opened before are gone.
   */
  reset(): Promise<void>;
  /** Popups opened through this session and not closed yet (for failure screenshots). */
  openPopups(): PopupPage[];
  close(): Promise<void>;
}

/**
 * The global of a function passed to `evaluate`/`evaluateInExtension`:
 * `(globalThis as unknown as ExtensionGlobal).chrome.storage.local.get()`. Chromium's worker has
 * `chrome` (not `browser`); Firefox has both and its `chrome.*` returns promises in MV3. Such
 * functions are serialised into the browser, so they must not close over anything (types are fine).
 */
export interface ExtensionGlobal {
  chrome: typeof browser;
}
