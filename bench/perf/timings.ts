/**
 * The two browser timings, in one headless Chromium session against the sandbox:
 *  - popup first render: navigation start → "Save to Anytype" visible and enabled (in-page performance.now()).
 *  - save latency: Node clock right before a trusted mouse click on Save → the sandbox receiving
 *    POST /v1/spaces/{id}/objects (Node diagnostics channel, same process and clock).
 */
import type { ArticleServer } from './article';
import { launchBenchBrowser } from './browser';
import { installReadyProbe, openPopupReady, pairWithKey, saveButtonCentre, waitSaved } from './popup';
import type { TimedSandbox } from './sandbox';
import { nowMs } from './stats';

export interface TimingResults {
  popupSmall: number[];
  popupArticle: number[];
  save: number[];
}

const CREATE_PATH = /^\/v1\/spaces\/[^/]+\/objects$/;

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
    await (await openPopupReady(context, browser.popupUrl(`?tabId=${smallId}`))).page.close();

    for (let i = 0; i < rounds; i++) {
      const popup = await openPopupReady(context, browser.popupUrl(`?tabId=${smallId}`));
      results.popupSmall.push(popup.readyMs);
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
      results.popupArticle.push(popup.readyMs);
      results.save.push(arrivedAt - clickedAt);
    }
  } finally {
    await browser.close();
  }
}
