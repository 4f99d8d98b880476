/**
 * Popup driving for the bench: pairing with an API key, and "time to first usable render" measured
 * inside the page. An init script (runs before the popup's own scripts) watches the DOM and records
 * performance.now() — milliseconds since the popup's navigation start — at the first mutation after
 * which the "Save to Anytype" button is visible and enabled.
 */
import type { BrowserContext, Page } from 'playwright';
import { POPUP_MARKS } from '../../lib/popup/timing-marks';
import { watchErrors } from './browser';
import { nowMs } from './stats';

const SAVE = 'Save to Anytype';
const TIMEOUT = 15_000;

declare global {
  interface Window {
    __benchSaveReadyAt?: number;
    /** Text of the button the last trusted click landed on ('' when not on a button). */
    __benchClickTarget?: string;
  }
}

/**
 * Runs in every page of the context before its scripts; acts only in extension pages. Plain JS
 * text, not a serialised function: tsx (esbuild keepNames) would add `__name(...)` calls that do
 * not exist in the page.
 */
const READY_PROBE = `(() => {
  if (location.protocol !== 'chrome-extension:') return;
  const label = ${JSON.stringify(SAVE)};
  const ready = () => Array.from(document.querySelectorAll('button')).some(
    (b) => (b.textContent || '').trim() === label && !b.disabled && b.getClientRects().length > 0);
  const observer = new MutationObserver(() => {
    if (window.__benchSaveReadyAt === undefined && ready()) {
      window.__benchSaveReadyAt = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  document.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('button') : null;
    window.__benchClickTarget = event.isTrusted && button ? (button.textContent || '').trim() : '';
  }, true);
})();`;

export async function installReadyProbe(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: READY_PROBE });
}

export interface OpenedPopup {
  page: Page;
  errors: string[];
  /** ms from navigation start to the Save button being visible and enabled. */
  readyMs: number;
  /** The same two moments on the bench's clock (page timeOrigin is wall-clock based like Node's; see clockOffsetMs). */
  navigationStart: number;
  readyAt: number;
  /** The popup's own mark for the same moment as readyMs (lib/popup/timing-marks.ts), to check one by the other. */
  markMs?: number;
}

export async function describe(page: Page, errors: string[]): Promise<string> {
  const texts = async (selector: string) =>
    (await page.locator(selector).allTextContents().catch(() => [] as string[])).map((t) => t.replace(/\s+/g, ' ').trim());
  const buttons = (await texts('button')).filter((t) => t.startsWith('Sav'));
  const statuses = await texts('[role=status]');
  const alerts = (await texts('[role=alert]')).filter(Boolean);
  const parts = [
    `Save button: ${buttons.length ? buttons.map((b) => `"${b}"`).join(', ') : 'none'}`,
    `status: ${statuses.length ? statuses.map((t) => `"${t.slice(0, 160)}"`).join(', ') : 'none'}`,
    `alert: ${alerts.length ? alerts.map((t) => `"${t.slice(0, 160)}"`).join(', ') : 'none'}`,
  ];
  if (errors.length) parts.push(`page errors: ${errors.join(' | ')}`);
  return `Popup: ${parts.join('; ')}.`;
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
  const { origin, readyMs, markMs } = await page.evaluate(
    (saveMark) => ({
      origin: performance.timeOrigin,
      readyMs: window.__benchSaveReadyAt ?? Number.NaN,
      markMs: performance.getEntriesByName(saveMark)[0]?.startTime,
    }),
    POPUP_MARKS.saveUsable,
  );
  return { page, errors, readyMs, markMs, navigationStart: origin, readyAt: origin + readyMs };
}

/**
 * Page clock minus bench clock, bracketed by one round trip (page timeOrigin and Node's both derive
 * from the system wall clock; this checks they agree before page times are compared with Node's).
 */
export async function clockOffsetMs(page: Page): Promise<{ offset: number; uncertainty: number }> {
  const before = nowMs();
  const inPage = await page.evaluate(() => performance.timeOrigin + performance.now());
  const after = nowMs();
  return { offset: inPage - (before + after) / 2, uncertainty: (after - before) / 2 };
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

/**
 * One trusted mouse click at the Save button's centre, its position read just before, so no
 * actionability waits fall inside the timed span. `beforeClick` runs right before the click is sent.
 * Throws when the click landed elsewhere (the form's layout moved between the two).
 */
export async function clickSave(page: Page, beforeClick: () => void): Promise<void> {
  const button = page.getByRole('button', { name: SAVE, exact: true });
  // The form still grows after Save is enabled (seen: +83 px, pushing Save below a 600 px popup);
  // wait, untimed, until it holds still, then bring it into view.
  let box = await button.boundingBox();
  for (let i = 0; i < 40; i++) {
    await page.waitForTimeout(50);
    const next = await button.boundingBox();
    if (box && next && next.x === box.x && next.y === box.y) break;
    box = next;
  }
  await button.scrollIntoViewIfNeeded();
  box = await button.boundingBox();
  if (!box) throw new Error(`"${SAVE}" has no box`);
  await page.evaluate(() => {
    window.__benchClickTarget = undefined;
  });
  beforeClick();
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  const target = await page.evaluate(() => window.__benchClickTarget);
  if (target !== SAVE) {
    const now = await button.boundingBox();
    const where = now ? `it is now at y=${now.y.toFixed(0)} (was ${box.y.toFixed(0)})` : 'it is gone';
    throw new Error(`the click on "${SAVE}" landed on ${target ? `"${target}"` : 'no button'}; ${where}`);
  }
}

export async function waitSaved(page: Page, errors: string[]): Promise<void> {
  try {
    await page.getByRole('status').filter({ hasText: 'Saved' }).first().waitFor();
  } catch {
    throw new Error(`no "Saved" status after the save. ${await describe(page, errors)}`);
  }
}
