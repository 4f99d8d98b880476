/**
 * The popup as a click on the toolbar button opens it: the worker calls chrome.action.openPopup()
 * over the measured tab, the same way in as the button. Nothing is attached to the popup while it
 * loads (an attached debugger slows the load it watches: ~20–40 ms measured here with Playwright's
 * or a bare Page.enable); once the popup has drawn, the bench attaches through its own DevTools
 * connection and reads the popup's timeline: Navigation Timing and the User Timing marks the popup
 * leaves (lib/popup/timing-marks.ts). The mark for Save is checked against the DOM observer of
 * bench/perf/popup.ts on every popup opened as a tab (see run.ts).
 */
import type { Page } from 'playwright';
import { POPUP_MARKS } from '../../lib/popup/timing-marks';
import type { BenchBrowser } from './browser';
import type { Cdp } from './cdp';
import { sleep } from './stats';

/** Moments of the popup's load printed with the first-render figure, in order, ms from navigation start. */
export const PHASES = {
  html: 'popup.html received',
  script: 'popup script starts',
  dcl: 'DOMContentLoaded',
  fcp: 'first contentful paint',
} as const;
export type PhaseName = keyof typeof PHASES;

const TIMEOUT = 15_000;
/** Left alone this long before the bench attaches: a popup is usually ready in a tenth of it. */
const UNWATCHED_MS = 600;
/**
 * A pause after a popup has closed, before the next round: its process still tears the page down
 * for a while, and a person does not reopen a popup within milliseconds (seen without it: rounds
 * at 50 and at 100 ms in one series, depending on the overlap).
 */
export const BETWEEN_POPUPS_MS = 300;

export interface ToolbarPopupRound {
  /** ms from the popup's navigation start to Save visible and enabled (its mark). */
  readyMs: number;
  /** The same two moments on the page clock (performance.timeOrigin based, as Node's). */
  navigationStart: number;
  readyAt: number;
  phases: Partial<Record<PhaseName, number>>;
  /** From chrome.action.openPopup() in the worker to the popup's navigation start (the browser's, not counted). */
  openToNavigationMs: number;
}

interface Timeline {
  origin: number;
  html?: number;
  script?: number;
  dcl?: number;
  fcp?: number;
  ready?: number;
  activeTabUrl?: string;
}

/** Plain JS text (see READY_PROBE in popup.ts for why not a serialised function). */
const READ_TIMELINE = `(async () => {
  const nav = performance.getEntriesByType('navigation')[0];
  const at = (name) => performance.getEntriesByName(name)[0]?.startTime;
  const [active] = await chrome.tabs.query({ active: true, currentWindow: true });
  return {
    origin: performance.timeOrigin,
    html: nav?.responseEnd,
    script: at(${JSON.stringify(POPUP_MARKS.scriptStart)}),
    dcl: nav && nav.domContentLoadedEventEnd > 0 ? nav.domContentLoadedEventEnd : undefined,
    fcp: at('first-contentful-paint'),
    ready: at(${JSON.stringify(POPUP_MARKS.saveUsable)}),
    activeTabUrl: active?.url,
  };
})()`;

/**
 * Opens the toolbar popup over `tab`, waits until Save is usable, and reads its timeline.
 * `beforeClose` runs in the popup (e.g. to forget its snapshot) before the popup is closed.
 */
export async function timeToolbarPopup(bench: BenchBrowser, cdp: Cdp, tab: Page, beforeClose?: string): Promise<ToolbarPopupRound> {
  await tab.bringToFront();
  const tabId = await bench.tabIdOf(tab.url());
  const popupUrl = bench.popupUrl();
  const calledAt = await (await bench.worker()).evaluate(async (id: number) => {
    const g = globalThis as unknown as { chrome: typeof browser };
    const { windowId } = await g.chrome.tabs.get(id);
    const at = performance.timeOrigin + performance.now();
    await g.chrome.action.openPopup({ windowId });
    return at;
  }, tabId);
  const targetId = await popupTarget(cdp, popupUrl);
  try {
    await sleep(UNWATCHED_MS);
    const { sessionId } = await cdp.send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true });
    const timeline = await readyTimeline(cdp, sessionId);
    if (timeline.activeTabUrl !== tab.url()) {
      throw new Error(`the toolbar popup opened over ${timeline.activeTabUrl ?? 'no tab'}, not ${tab.url()}`);
    }
    if (beforeClose) await evaluate(cdp, sessionId, beforeClose);
    const readyMs = timeline.ready!;
    const { origin, html, script, dcl, fcp } = timeline;
    return {
      readyMs,
      navigationStart: origin,
      readyAt: origin + readyMs,
      phases: { html, script, dcl, fcp },
      openToNavigationMs: origin - calledAt,
    };
  } finally {
    await cdp.send('Target.closeTarget', { targetId }).catch(() => undefined);
    await sleep(BETWEEN_POPUPS_MS);
  }
}

async function popupTarget(cdp: Cdp, popupUrl: string): Promise<string> {
  const deadline = Date.now() + TIMEOUT;
  while (Date.now() < deadline) {
    const { targetInfos } = await cdp.send<{ targetInfos: { targetId: string; type: string; url: string }[] }>('Target.getTargets');
    const popup = targetInfos.find((t) => t.type === 'page' && t.url === popupUrl);
    if (popup) return popup.targetId;
    await sleep(20);
  }
  throw new Error(`chrome.action.openPopup() opened no ${popupUrl} in ${TIMEOUT / 1000} s`);
}

async function readyTimeline(cdp: Cdp, sessionId: string): Promise<Timeline> {
  const deadline = Date.now() + TIMEOUT;
  for (;;) {
    const timeline = await evaluate<Timeline>(cdp, sessionId, READ_TIMELINE);
    if (timeline.ready !== undefined) return timeline;
    if (Date.now() > deadline) {
      const text = await evaluate<string>(cdp, sessionId, 'document.body.innerText.replace(/\\s+/g, " ").slice(0, 300)');
      throw new Error(`the toolbar popup's "Save to Anytype" was not usable in ${TIMEOUT / 1000} s; it shows: ${text}`);
    }
    await sleep(100);
  }
}

async function evaluate<T>(cdp: Cdp, sessionId: string, expression: string): Promise<T> {
  const answer = await cdp.send<{ result: { value: T }; exceptionDetails?: { text: string; exception?: { description?: string } } }>(
    'Runtime.evaluate',
    { expression, awaitPromise: true, returnByValue: true },
    sessionId,
  );
  if (answer.exceptionDetails) throw new Error(`in the popup: ${answer.exceptionDetails.exception?.description ?? answer.exceptionDetails.text}`);
  return answer.result.value;
}
