/**
 * Popup driving for the bench: pairing with an API key, and "time to first usable render" measured
 * inside the page. An init script (runs before the popup's own scripts) watches the DOM and records
 * performance.now() — milliseconds since the popup's navigation start — at the first mutation after
 * which the "Save to Anytype" button is visible and enabled.
 */
import type { BrowserContext, Page } from 'playwright';
import { watchErrors } from './browser';

const SAVE = 'Save to Anytype';
const TIMEOUT = 15_000;

declare global {
  interface Window {
    __benchSaveReadyAt?: number;
  }
}

/** Serialised into every page of the context; acts only in extension pages. */
function readyProbe(label: string): void {
  if (location.protocol !== 'chrome-extension:') return;
  const ready = () =>
    [...document.querySelectorAll('button')].some(
      (b) => b.textContent?.trim() === label && !b.disabled && b.getClientRects().length > 0,
    );
  const observer = new MutationObserver(() => {
    if (window.__benchSaveReadyAt === undefined && ready()) {
      window.__benchSaveReadyAt = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
}

export async function installReadyProbe(context: BrowserContext): Promise<void> {
  await context.addInitScript(readyProbe, SAVE);
}

export interface OpenedPopup {
  page: Page;
  errors: string[];
  /** ms from navigation start to the Save button being visible and enabled. */
  readyMs: number;
}

async function describe(page: Page, errors: string[]): Promise<string> {
  const text = await page
    .locator('body')
    .textContent({ timeout: 1000 })
    .catch(() => '(no text)');
  const alerts = errors.length ? ` Page errors: ${errors.join(' | ')}.` : '';
  return `Popup shows: "${(text ?? '').replace(/\s+/g, ' ').slice(0, 400)}".${alerts}`;
}

/** Opens the popup in a new tab and waits until the clip form can be submitted. */
export async function openPopupReady(context: BrowserContext, url: string): Promise<OpenedPopup> {
  const page = await context.newPage();
  const errors = watchErrors(page);
  page.setDefaultTimeout(TIMEOUT);
  await page.goto(url);
  try {
    await page.waitForFunction(() => window.__benchSaveReadyAt !== undefined, undefined, { timeout: TIMEOUT });
  } catch {
    const why = await describe(page, errors);
    await page.close();
    throw new Error(`"${SAVE}" never became visible and enabled. ${why}`);
  }
  const readyMs = await page.evaluate(() => window.__benchSaveReadyAt ?? Number.NaN);
  return { page, errors, readyMs };
}

/** Stores an API key through the popup, the way a user pastes one from Desktop's settings. */
export async function pairWithKey(context: BrowserContext, popupUrl: string, apiKey: string): Promise<void> {
  const page = await context.newPage();
  const errors = watchErrors(page);
  page.setDefaultTimeout(TIMEOUT);
  try {
    await page.goto(popupUrl);
    await page.getByRole('button', { name: 'Use an API key', exact: true }).click();
    await page.getByRole('textbox', { name: 'API key', exact: true }).fill(apiKey);
    await page.getByRole('button', { name: 'Save key', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Connected' }).first().waitFor();
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new Error(`pairing with an API key failed: ${message}. ${await describe(page, errors)}`);
  } finally {
    await page.close();
  }
}

/** Clicks Save with a single trusted mouse click at the button's centre (no actionability waits inside the timed span). */
export async function saveButtonCentre(page: Page): Promise<{ x: number; y: number }> {
  const button = page.getByRole('button', { name: SAVE, exact: true });
  await button.scrollIntoViewIfNeeded();
  const box = await button.boundingBox();
  if (!box) throw new Error(`"${SAVE}" has no box`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

export async function waitSaved(page: Page, errors: string[]): Promise<void> {
  try {
    await page.getByRole('status').filter({ hasText: 'Saved' }).first().waitFor();
  } catch {
    throw new Error(`no "Saved" status after the save. ${await describe(page, errors)}`);
  }
}
