/** Stopping the extension's service worker in Chromium, as Chromium does after 30 s idle. */
import type { BrowserContext } from 'playwright';

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
    const targets = running();
    if (targets.length === 0) throw new Error('No running service worker of the extension to stop');
    for (const v of targets) await cdp.send('ServiceWorker.stopWorker', { versionId: v.versionId });
    while ([...versions.values()].some((v) => v.runningStatus !== 'stopped') && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
    }
    if ([...versions.values()].some((v) => v.runningStatus !== 'stopped')) throw new Error('The worker did not stop');
    await cdp.detach();
  } finally {
    await page.close();
  }
}
