/**
 * The two browser timings, in one headless Chromium session against the sandbox:
 *  - popup first render: navigation start → "Save to Anytype" visible and enabled (in-page performance.now()).
 *  - save latency: Node clock right before a trusted mouse click on Save → the sandbox receiving
 *    POST /v1/spaces/{id}/objects (Node diagnostics channel, same process and clock).
 * For each, the time the sandbox itself spent answering requests inside that span is recorded too,
 * so a slow figure can be told apart from a slow stand-in.
 */
import type { ArticleServer } from './article';
import { launchBenchBrowser } from './browser';
import { clockOffsetMs, installReadyProbe, openPopupReady, pairWithKey, saveButtonCentre, waitSaved } from './popup';
import { busyMs, type TimedSandbox } from './sandbox';
import { nowMs } from './stats';

export interface Series {
  /** The measured span per round, ms. */
  total: number[];
  /** Sandbox busy time inside the span per round, ms. */
  sandbox: number[];
  /** Requests the extension made inside the span, last round ("+12 GET /v1/spaces (3 ms)" …). */
  requests: string[];
}

export interface TimingResults {
  popupSmall: Series;
  popupArticle: Series;
  save: Series;
  /** First contentful paint of the popup (small page tab), ms from navigation start. */
  popupFcp: number[];
  /** Page clock minus Node clock, ms (± uncertainty); page-side sandbox attribution relies on it being small. */
  clockOffset?: { offset: number; uncertainty: number };
}

export const emptySeries = (): Series => ({ total: [], sandbox: [], requests: [] });

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
    const articleTab = await context.newPage();

    // Warm-up (not counted): the first open after pairing starts the worker's client and connections.
    const warm = await openPopupReady(context, browser.popupUrl(`?tabId=${smallId}`));
    results.clockOffset = await clockOffsetMs(warm.page);
    await warm.page.close();
    const skew = results.clockOffset.offset;

    for (let i = 0; i < rounds; i++) {
      const popup = await openPopupReady(context, browser.popupUrl(`?tabId=${smallId}`));
      record(results.popupSmall, timed, popup.navigationStart - skew, popup.readyAt - skew, popup.readyMs);
      if (popup.fcpMs !== undefined) results.popupFcp.push(popup.fcpMs);
      await popup.page.close();
    }

    for (let i = 0; i <= rounds; i++) {
      // A new URL each round, so no round sees the "already clipped" state of the previous one.
      const url = pages.articleUrl(i);
      await articleTab.goto(url);
      const tabId = await browser.tabIdOf(url);
      const popup = await openPopupReady(context, browser.popupUrl(`?tabId=${tabId}`));
      const at = await saveButtonCentre(popup.page);
      const arrival = timed.nextArrival('POST', CREATE_PATH, 15_000);
      const clickedAt = nowMs();
      await popup.page.mouse.click(at.x, at.y);
      const { at: arrivedAt } = await arrival;
      await waitSaved(popup.page, popup.errors);
      await popup.page.close();
      if (i === 0) continue; // warm-up round: the first save runs cold code paths in the worker
      record(results.popupArticle, timed, popup.navigationStart - skew, popup.readyAt - skew, popup.readyMs);
      // The create request itself arrives at arrivedAt; only what the sandbox did before it counts.
      record(results.save, timed, clickedAt, arrivedAt - 0.001, arrivedAt - clickedAt);
    }
  } finally {
    await browser.close();
  }
}
