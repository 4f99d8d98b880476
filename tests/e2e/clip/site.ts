import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { ROOT } from '../harness/config';
import type { BrowserSession, ExtensionGlobal } from '../harness';

/**
 * A small website on loopback for the clip scenarios: the article lives under /articles/ so its
 * relative link (../guides/…) and image (../images/…) resolve to other paths on the same origin.
 */
const PAGES: Record<string, string> = {
  '/articles/tide-pools.html': 'tide-pools.html',
  '/articles/heron-diary.html': 'heron-diary.html',
};

/** A 1×1 PNG, so the article's image is a real image the page can load. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

export const ARTICLE_PATH = '/articles/tide-pools.html';
/** What the page says about itself (tests/fixtures/e2e/tide-pools.html). */
export const ARTICLE = {
  tabTitle: 'How tide pools survive a hot summer · Coastal Notes',
  title: 'How tide pools survive a hot summer',
  description: 'Why rock pools heat up between tides, and how anemones, snails and crabs get through the warmest weeks.',
  linkPath: '/guides/reading-tide-tables.html',
  imagePath: '/images/rock-pool.png',
  imageAlt: 'A rock pool at low tide',
};

export const DIARY_PATH = '/articles/heron-diary.html';
/**
 * The diary's pages set a session cookie; its /private/ pictures are served only to requests that
 * carry it and come from the site's own pages (Referer), as Anytype Desktop's requests never do.
 */
export const DIARY = {
  privateAlt: 'The heron in the shallows',
  publicAlt: 'The estuary at low tide',
  publicPath: '/images/estuary.png',
  blobAlt: "A sketch of the heron's route",
  png: PNG,
};

export interface Site {
  origin: string;
  url(path: string): string;
}

/** Starts the site for the file (before the browsers) and stops it after. */
export function useSite(): () => Site {
  let site: (Site & { close(): Promise<void> }) | undefined;
  beforeAll(async () => {
    site = await startSite();
  });
  afterAll(async () => {
    await site?.close();
  });
  return () => {
    if (!site) throw new Error('useSite() must be called at the top of the file');
    return site;
  };
}

async function startSite(): Promise<Site & { close(): Promise<void> }> {
  const session = `diary_session=${randomUUID()}`;
  let origin = '';
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const file = PAGES[path];
    if (file) {
      const html = readFileSync(join(ROOT, 'tests/fixtures/e2e', file));
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'set-cookie': `${session}; Path=/; HttpOnly; SameSite=Lax` }).end(html);
    } else if (path.startsWith('/private/')) {
      const signedIn = (req.headers.cookie ?? '').split(/;\s*/).includes(session);
      const fromSite = (req.headers.referer ?? '').startsWith(`${origin}/`);
      if (signedIn && fromSite) res.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
      else res.writeHead(403, { 'content-type': 'text/plain' }).end('members only');
    } else if (path.startsWith('/images/')) {
      res.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (path) => new URL(path, origin).href,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

let visit = 0;

/**
 * Opens `url` in a new tab, as the person reading it, and returns its id once it has loaded.
 * A query makes each visit's URL unique, so a clip's source URL names exactly one test's tab.
 */
export async function openTab(session: BrowserSession, url: string): Promise<{ tabId: number; url: string }> {
  visit += 1;
  const unique = new URL(url);
  unique.searchParams.set('visit', `${session.name}-${visit}`);
  // One round trip: Firefox runs each evaluation in a freshly opened extension page.
  const tabId = await session.evaluateInExtension(async (href: string) => {
    const api = (globalThis as unknown as ExtensionGlobal).chrome;
    const created = await api.tabs.create({ url: href, active: true });
    const id = created.id ?? -1;
    for (let i = 0; i < 200 && id >= 0; i++) {
      const tab = await api.tabs.get(id);
      if (tab.status === 'complete' && tab.url === href) return id;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return -1;
  }, unique.href);
  if (tabId < 0) throw new Error(`${unique.href} did not load in a new tab`);
  return { tabId, url: unique.href };
}
