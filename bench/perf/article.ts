/**
 * A generated ~100 KB news-style article served on loopback (the extension has host permission for
 * 127.0.0.1, so it can inject its clip script there). Deterministic text, so runs compare.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

const WORDS = (
  'anytype local first vault object page note browser extension article reading highlight ' +
  'collection tag markdown offline sync encrypted peer device library paragraph research ' +
  'archive knowledge graph relation property template network loopback queue retry clip'
).split(' ');

function sentence(seed: number): string {
  const len = 12 + (seed % 11);
  const words = Array.from({ length: len }, (_, i) => WORDS[(seed * 7 + i * 13) % WORDS.length]!);
  const text = words.join(' ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

/** An article of about `targetBytes` of HTML: headings, paragraphs, a list and a quote every few sections. */
export function articleHtml(targetBytes: number, title: string): string {
  const head = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<meta name="description" content="A generated article for the Clip to Anytype bench."></head><body>
<header><nav><a href="/">Home</a> · <a href="/about">About</a></nav></header><main><article>
<h1>${title}</h1><p class="byline">By Bench Writer · 24 November 2026</p>`;
  const tail = '</article></main><footer><p>© Bench</p></footer></body></html>';
  const parts: string[] = [head];
  let size = head.length + tail.length;
  for (let section = 1; size < targetBytes; section++) {
    const block: string[] = [`<h2>Section ${section}</h2>`];
    for (let p = 0; p < 4; p++) {
      const seed = section * 31 + p;
      block.push(`<p>${[0, 1, 2, 3, 4].map((s) => sentence(seed + s)).join(' ')}</p>`);
    }
    if (section % 3 === 0) block.push(`<ul>${[1, 2, 3].map((i) => `<li>${sentence(section + i)}</li>`).join('')}</ul>`);
    if (section % 4 === 0) block.push(`<blockquote><p>${sentence(section * 5)}</p></blockquote>`);
    const html = block.join('\n');
    parts.push(html);
    size += html.length;
  }
  parts.push(tail);
  return parts.join('\n');
}

export interface ArticleServer {
  /** `/article/<n>`: the same article body under a different URL per round (no "already clipped" state). */
  articleUrl(round: number): string;
  smallUrl: string;
  articleBytes: number;
  close(): Promise<void>;
}

export async function startArticleServer(targetBytes = 100 * 1024): Promise<ArticleServer> {
  const article = articleHtml(targetBytes, 'Bench article: local-first notes in the browser');
  const small = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Small page</title></head><body><h1>Small page</h1><p>A short page.</p></body></html>';
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path.startsWith('/article/')) res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(article);
    else if (path === '/small') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(small);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  return {
    articleUrl: (round) => `${base}/article/${round}`,
    smallUrl: `${base}/small`,
    articleBytes: Buffer.byteLength(article),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
