import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserSession, ExtensionGlobal } from './types';

/**
 * A plain web page on loopback. Firefox will not navigate a tab to moz-extension:// under
 * automation, but a normal page may window.open() a web-accessible extension page (the e2e build
 * makes popup.html web-accessible), so the Firefox driver opens the popup from here.
 */
export interface FixtureServer {
  url: string;
  close(): Promise<void>;
}

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>How tide pools survive the summer</title>
<meta name="author" content="Robin Example"></head>
<body><article><h1>How tide pools survive the summer</h1>
<p>Tide pools are small worlds that the sea refills twice a day. In summer the water between tides
warms quickly, loses oxygen and grows saltier as it evaporates, and the animals living there have
to wait for the next tide.</p>
<h2>Shade and shelter</h2>
<p>Anemones close up, snails seal their shells against the rock, and crabs hide under weed where the
water stays cool. A pool under an overhang can be several degrees cooler than one in full sun.</p>
<ul><li>Anemones retract their tentacles.</li><li>Periwinkles glue themselves to the rock.</li></ul>
<p>When the tide returns, the pool is flushed with cold, oxygen-rich water and life resumes.</p>
</article></body></html>`;

export async function startFixtureServer(): Promise<FixtureServer> {
  const server: Server = createServer((req, res) => {
    if (req.url === '/favicon.ico') {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

let pageCounter = 0;

/** A URL no other tab has, so the tab can be found by its URL. */
export function uniqueUrl(base: string, path: string): string {
  pageCounter += 1;
  const url = new URL(path, base);
  url.searchParams.set('e2e', String(pageCounter));
  return url.href;
}

/** The id of the tab showing `url` (the host permission for 127.0.0.1 lets the extension see tab URLs). */
export async function tabIdOf(session: BrowserSession, url: string): Promise<number> {
  const id = await session.evaluateInExtension(async (wanted: string) => {
    const tabs = await (globalThis as unknown as ExtensionGlobal).chrome.tabs.query({});
    return tabs.find((tab) => tab.url === wanted)?.id ?? -1;
  }, url);
  if (id < 0) throw new Error(`No tab shows ${url}`);
  return id;
}
