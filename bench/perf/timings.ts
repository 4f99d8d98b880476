/**
 * The two browser timings, in one headless Chromium session against the sandbox:
 *  - popup first render: navigation start → "Save to Anytype" visible and enabled, in the toolbar
 *    popup (bench/perf/toolbar-popup.ts); the same popup opened as a tab is timed too, for reference
 *    and to check the popup's own mark against a DOM observer.
 *  - save latency: Node clock right before a trusted mouse click on Save → the sandbox receiving
 *    POST /v1/spaces/{id}/objects (Node diagnostics channel, same process and clock).
 * For each, the time the sandbox itself spent answering requests inside that span is recorded too,
 * so a slow figure can be told apart from a slow stand-in.
 */
import type { ArticleServer } from './article';
import { type BenchBrowser, launchBenchBrowser } from './browser';
import { connectCdp } from './cdp';
import { clickSave, clockOffsetMs, describe, installReadyProbe, openPopupReady, pairWithKey, waitSaved } from './popup';
import { busyMs, type TimedSandbox } from './sandbox';
import { nowMs, sleep } from './stats';
import { BETWEEN_POPUPS_MS, type PhaseName, timeToolbarPopup, type ToolbarPopupRound } from './toolbar-popup';

export interface Series {
  /** The measured span per round, ms. */
  total: number[];
  /** Sandbox busy time inside the span per round, ms. */
  sandbox: number[];
  /** Requests the extension made inside the span, last round ("+12 GET /v1/spaces (3 ms)" …). */
  requests: string[];
}

export interface TimingResults {
  /** The toolbar popup over a small page. */
  popupSmall: Series;
  /** The same popup with no snapshot of the last one (first open, or the first after settings changed). */
  popupCold: Series;
  /** The toolbar popup over a 100 KB article that has just loaded. */
  popupArticle: Series;
  /** The popup opened as a tab over the small page (how the e2e tests and earlier benches open it). */
  popupTab: Series;
  save: Series;
  /** Toolbar popup phases (small page), ms from navigation start, per round. */
  popupPhases: Partial<Record<PhaseName, number[]>>;
  /** The popup's Save mark minus the DOM observer's moment, per popup opened as a tab, ms. */
  markLag: number[];
  /** chrome.action.openPopup() in the worker → the popup's navigation start, per toolbar round, ms. */
  openToNavigation: number[];
  /** Rounds that failed (the bench goes on with the next round, up to MAX_FAILURES). */
  errors: string[];
  /** Page clock minus Node clock, ms (± uncertainty); page-side sandbox attribution relies on it being small. */
  clockOffset?: { offset: number; uncertainty: number };
}

export const emptySeries = (): Series => ({ total: [], sandbox: [], requests: [] });

export const emptyResults = (): TimingResults => ({
  popupSmall: emptySeries(),
  popupCold: emptySeries(),
  popupArticle: emptySeries(),
  popupTab: emptySeries(),
  save: emptySeries(),
  popupPhases: {},
  markLag: [],
  openToNavigation: [],
  errors: [],
});

const MAX_FAILURES = 2;

const CREATE_PATH = /^\/v1\/spaces\/[^/]+\/objects$/;

function record(series: Series, timed: TimedSandbox, from: number, to: number, total: number): void {
  const served = timed.servedBetween(from, to);
  series.total.push(total);
  series.sandbox.push(busyMs(served, to));
  // A timeline: when each request arrived after the span's start and how long the sandbox took.
  // Ids are long and differ per vault; the route is what tells requests apart.
  series.requests = served.map((r) => {
    const route = r.path.replace(/\/[A-Za-z0-9._-]{20,}/g, '/{id}');
    const took = r.end === undefined ? '' : ` (${(r.end - r.start).toFixed(0)} ms)`;
    return `+${(r.start - from).toFixed(0)} ${r.method} ${route}${took}`;
  });
}

export async function runTimings(
  buildDir: string,
  timed: TimedSandbox,
  pages: ArticleServer,
  rounds: number,
  results: TimingResults,
): Promise<void> {
  const browser = await launchBenchBrowser(buildDir);
  try {
    const { context } = browser;
    await installReadyProbe(context);
    await pairWithKey(context, browser.popupUrl(), await timed.sandbox.control.issueKey('Clip to Anytype bench'));

    const smallTab = await context.newPage();
    await smallTab.goto(pages.smallUrl);
    const smallId = await browser.tabIdOf(pages.smallUrl);

    // Warm-up (not counted): the first open after pairing starts the worker's client and connections.
    const warm = await openPopupReady(context, browser.popupUrl(`?tabId=${smallId}`));
    results.clockOffset = await clockOffsetMs(warm.page);
    await warm.page.close();
    const skew = results.clockOffset.offset;
    const cdp = await connectCdp(browser.devtoolsUrl);
    try {
      const toolbar = (series: Series, popup: ToolbarPopupRound) => {
        record(series, timed, popup.navigationStart - skew, popup.readyAt - skew, popup.readyMs);
        results.openToNavigation.push(popup.openToNavigationMs);
      };
      await timeToolbarPopup(browser, cdp, smallTab); // the first toolbar popup of the run: not counted
      for (let i = 0; i < rounds; i++) {
        const popup = await timeToolbarPopup(browser, cdp, smallTab);
        toolbar(results.popupSmall, popup);
        for (const [name, value] of Object.entries(popup.phases) as [PhaseName, number | undefined][]) {
          if (value !== undefined) results.popupPhases[name] = [...(results.popupPhases[name] ?? []), value];
        }
      }

      for (let i = 0; i < rounds; i++) {
        const popup = await openPopupReady(context, browser.popupUrl(`?tabId=${smallId}`));
        record(results.popupTab, timed, popup.navigationStart - skew, popup.readyAt - skew, popup.readyMs);
        if (popup.markMs !== undefined) results.markLag.push(popup.markMs - popup.readyMs);
        await popup.page.close();
        await sleep(BETWEEN_POPUPS_MS);
      }

      // Without the snapshot: each popup's own writes are let settle, then the snapshot is dropped.
      await timeToolbarPopup(browser, cdp, smallTab, FORGET_SNAPSHOT);
      for (let i = 0; i < rounds; i++) toolbar(results.popupCold, await timeToolbarPopup(browser, cdp, smallTab, FORGET_SNAPSHOT));
      // The snapshot back, as a person who has opened the popup before has it.
      await timeToolbarPopup(browser, cdp, smallTab);

      // Over an article that has just loaded (a new address each time, as in the save rounds).
      const articleTab = await context.newPage();
      for (let i = 0; i < rounds; i++) {
        await articleTab.goto(pages.articleUrl(1000 + i));
        toolbar(results.popupArticle, await timeToolbarPopup(browser, cdp, articleTab));
      }
    } finally {
      cdp.close();
    }

    // Round 0 is a warm-up (the first save runs cold code paths in the worker). A failed round is
    // recorded and the next one tried, so one hiccup does not cost the whole figure.
    let done = 0;
    for (let round = 0; done <= rounds; round++) {
      try {
        const r = await saveRound(browser, timed, pages.articleUrl(round), round);
        if (done > 0) {
          // The create request itself arrives at arrivedAt; only what the sandbox did before it counts.
          record(results.save, timed, r.clickedAt, r.arrivedAt - 0.001, r.arrivedAt - r.clickedAt);
        }
        done++;
      } catch (error) {
        results.errors.push(error instanceof Error ? error.message : String(error));
        if (results.errors.length >= MAX_FAILURES) throw error;
      }
    }
  } finally {
    await browser.close();
  }
}

/** Run in a popup before it closes: lets it finish its reads (they write the snapshot), then removes the snapshot. */
const FORGET_SNAPSHOT = 'new Promise((done) => setTimeout(done, 1000)).then(() => localStorage.clear())';

/**
 * One save: a new URL in the article tab (so no round sees the "already clipped" state of another),
 * the popup for that tab, a trusted click on Save, the create request's arrival, then "Saved".
 */
async function saveRound(browser: BenchBrowser, timed: TimedSandbox, url: string, round: number) {
  const articleTab = browser.context.pages().find((p) => p.url().includes('/article/')) ?? (await browser.context.newPage());
  await articleTab.goto(url);
  const tabId = await browser.tabIdOf(url);
  const popup = await openPopupReady(browser.context, browser.popupUrl(`?tabId=${tabId}`));
  try {
    const arrival = timed.nextArrival('POST', CREATE_PATH, 15_000);
    let clickedAt = 0;
    try {
      await clickSave(popup.page, () => {
        clickedAt = nowMs();
      });
    } catch (error) {
      arrival.catch(() => undefined); // nothing will arrive; let its timer end quietly
      throw new Error(`save round ${round}: ${error instanceof Error ? error.message : String(error)}`);
    }
    const arrivedAt = await arrival.then(
      (a) => a.at,
      async (error: Error) => {
        const seen = timed.servedBetween(clickedAt, nowMs()).map((r) => `${r.method} ${r.path}`);
        const requests = seen.length ? seen.join(', ') : 'none';
        throw new Error(`save round ${round}: ${error.message}; requests after the click: ${requests}. ${await describe(popup.page, popup.errors)}`);
      },
    );
    await waitSaved(popup.page, popup.errors);
    return { ...popup, clickedAt, arrivedAt };
  } finally {
    await popup.page.close();
  }
}
