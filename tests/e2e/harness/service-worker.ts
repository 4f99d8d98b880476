/** Stopping the extension's service worker in Chromium, as Chromium does after 30 s idle. */
import type { BrowserContext } from 'playwright';
import { WELCOME_PAGE } from '../../../lib/background/welcome';

const TIMEOUT = 10_000;

interface WorkerVersion {
  versionId: string;
  scriptURL: string;
  runningStatus: string;
}

/**
 * CDP's ServiceWorker domain, from a session on a plain page (a session on an extension page is
 * torn down with the worker). `stopAllServiceWorkers` is gone from this Chromium; `stopWorker`
 * with the running version's id does the same for one worker.
 */
export async function stopServiceWorker(context: BrowserContext, baseUrl: string): Promise<void> {
  // With the welcome tab the install opened still there, stopWorker leaves the worker running (seen:
  // runningStatus stays 'running', that tab among its controlled clients). The scenarios stop the
  // worker mid-clip, which the install tab has no part in, so it goes first.
  const welcome = new URL(WELCOME_PAGE, baseUrl).href;
  for (const open of context.pages()) if (open.url().startsWith(welcome)) await open.close();
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    const versions = new Map<string, WorkerVersion>();
    const seen = (event: { versions: WorkerVersion[] }) => {
      for (const v of event.versions) if (v.scriptURL.startsWith(baseUrl)) versions.set(v.versionId, v);
    };
    cdp.on('ServiceWorker.workerVersionUpdated', seen);
    await cdp.send('ServiceWorker.enable');
    const deadline = Date.now() + TIMEOUT;
    const running = () => [...versions.values()].filter((v) => v.runningStatus === 'running');
    while (running().length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    if (running().length === 0) throw new Error('No running service worker of the extension to stop');
    // A stop asked for while the closed tab is still counted as a client is ignored: ask again
    // until the worker is stopped.
    let askedAt = 0;
    while ([...versions.values()].some((v) => v.runningStatus !== 'stopped') && Date.now() < deadline) {
      if (Date.now() - askedAt >= 500) {
        askedAt = Date.now();
        for (const v of running()) await cdp.send('ServiceWorker.stopWorker', { versionId: v.versionId });
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    if ([...versions.values()].some((v) => v.runningStatus !== 'stopped')) throw new Error(`The worker did not stop: ${JSON.stringify([...versions.values()])}`);
    await cdp.detach();
  } finally {
    await page.close();
  }
}
