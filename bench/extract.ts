/**
 * Extraction benchmark: our article pipeline (extract → markdown → markdownToText) against plain
 * @mozilla/readability (textContent) and plain defuddle, on the 181 pages of
 * ../shared/corpora/article-extraction-benchmark, with that benchmark's exact metric.
 *
 *   npm run bench:extract [-- --floor 0.95] [--limit N] [--worst K] [--only ours]
 *
 * DOM: jsdom. Our code runs in real browsers, so the benchmark needs the DOM whose tree matches
 * theirs: jsdom parses with parse5, a spec-conformant HTML5 parser (implied end tags, foster
 * parenting of stray table content, entity and encoding sniffing like a browser). linkedom
 * (htmlparser2) and happy-dom are faster but build different trees on real-world malformed
 * markup, which would measure an extractor on a page no browser ever shows. Every extractor runs
 * on the same DOM, each on its own freshly parsed copy; parsing is not timed, extraction is.
 * Caveats of that choice: jsdom's getComputedStyle is slow, which inflates defuddle's times (it
 * reads computed styles; a browser answers those fast).
 *
 * What is timed, per page: for "ours", everything a clip does to get the article's text: finding
 * the base URL, copying the page (it must not touch the live page), Readability on the copy, the
 * defuddle fallback when that runs, the clean-up, HTML → markdown and markdown → text. For
 * Readability, `new Readability(doc).parse()` on the parsed page itself (it may mutate it: the
 * bench gives it its own copy, untimed), reading `textContent`. For defuddle, `parse()` on its own
 * copy; turning its HTML answer into text is outside the timer.
 */
import { Readability } from '@mozilla/readability';
import Defuddle from 'defuddle';
import { JSDOM, VirtualConsole } from 'jsdom';
import { extractArticle, htmlToMarkdown, markdownToText } from '../lib/clip/index';
import { baseUrlOf } from '../lib/clip/url';
import { loadCorpus } from './lib/corpus';
import { type PageCounts, bootstrapF1Std, pageCounts, pagePrecision, pageRecall, score } from './lib/metric';

type Extract = (doc: Document, url: string) => string;

const extractors: Record<string, Extract> = {
  ours: (doc, url) => {
    const article = extractArticle(doc, url);
    return markdownToText(htmlToMarkdown(article.content, { baseUrl: baseUrlOf(doc, url) }));
  },
  readability: (doc) => new Readability(doc).parse()?.textContent ?? '',
  defuddle: (doc, url) => new Defuddle(doc, { url }).parse().content,
};

/** defuddle answers HTML; its text is taken outside the timer so only extraction is measured. */
function defuddleText(html: string): string {
  return new JSDOM(html).window.document.body.textContent ?? '';
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

const limit = Number(arg('limit') ?? Number.POSITIVE_INFINITY);
const worst = Number(arg('worst') ?? 0);
const only = arg('only')?.split(',');
const floor = arg('floor') !== undefined ? Number(arg('floor')) : undefined;

/** Results go to stdout directly: extractors may leave console patched. */
const out = (line = '') => process.stdout.write(`${line}\n`);

/** Extractors log their own parse trouble (bad JSON-LD, retries); that would drown the table. */
function silenceConsole(): () => void {
  const saved = { log: console.log, warn: console.warn, error: console.error, info: console.info };
  const quiet = () => {};
  Object.assign(console, { log: quiet, warn: quiet, error: quiet, info: quiet });
  return () => Object.assign(console, saved);
}

// jsdom's style engine throws from its own callbacks on some page CSS (css-tree parse errors);
// that is the page's CSS, not the extractor: note it and go on.
const failures: string[] = [];
process.on('uncaughtException', (error) => failures.push(`uncaught: ${error.message.split('\n')[0]}`));

const pages = loadCorpus().slice(0, limit);
const virtualConsole = new VirtualConsole(); // page CSS/script errors are noise here
const names = Object.keys(extractors).filter((n) => !only || only.includes(n));
const results: Record<string, { counts: PageCounts[]; ms: number[] }> = {};
for (const name of names) results[name] = { counts: [], ms: [] };
const perPage: { id: string; url: string; counts: PageCounts }[] = [];

/**
 * jsdom's CSS engine throws on some real-world style sheets while parsing (one page of the corpus
 * has SCSS variables inside calc()). Such a page is parsed again without its CSS, for every
 * extractor alike; CSS carries no text.
 */
const cssRetries: string[] = [];
function parsePage(html: string, url: string): JSDOM {
  try {
    return new JSDOM(html, { url, contentType: 'text/html', virtualConsole });
  } catch {
    if (!cssRetries.includes(url)) cssRetries.push(url);
    const withoutCss = html.replace(/<style[\s\S]*?<\/style>/gi, '').replace(/\sstyle=("[^"]*"|'[^']*')/gi, '');
    return new JSDOM(withoutCss, { url, contentType: 'text/html', virtualConsole });
  }
}

let done = 0;
for (const page of pages) {
  if (++done % 20 === 0) process.stderr.write(`${done}/${pages.length}\n`);
  // Every other page the other way round: what runs just after a parse (its garbage, a cold
  // cache) is not always the same extractor's cost.
  for (const name of done % 2 ? names : [...names].reverse()) {
    const dom = parsePage(page.html.toString('utf8'), page.url);
    const doc = dom.window.document;
    const start = performance.now();
    let text = '';
    const restore = silenceConsole();
    try {
      text = extractors[name]!(doc, page.url);
    } catch (error) {
      failures.push(`${name} failed on ${page.id}: ${(error as Error).message}`);
    } finally {
      restore();
    }
    const ms = performance.now() - start;
    if (name === 'defuddle') text = defuddleText(text);
    const counts = pageCounts(page.truth, text);
    results[name]!.counts.push(counts);
    results[name]!.ms.push(ms);
    if (name === 'ours') perPage.push({ id: page.id, url: page.url, counts });
    dom.window.close();
  }
}

out(`pages: ${pages.length}${failures.length ? ` (${failures.length} failures: ${failures.slice(0, 3).join('; ')})` : ''}`);
if (cssRetries.length) out(`parsed without CSS (jsdom could not parse it): ${cssRetries.join(', ')}`);
out('extractor     F1      ±       precision  recall  median ms  p95 ms');
for (const name of names) {
  const { counts, ms } = results[name]!;
  const s = score(counts);
  const sorted = [...ms].sort((a, b) => a - b);
  out(
    `${name.padEnd(12)}  ${s.f1.toFixed(3)}  ${bootstrapF1Std(counts).toFixed(3)}   ${s.precision.toFixed(3)}      ${s.recall.toFixed(3)}   ${quantile(sorted, 0.5).toFixed(1).padStart(8)}  ${quantile(sorted, 0.95).toFixed(1).padStart(6)}`,
  );
}

// Two medians taken apart move with the machine's load from one run to the next; the ratio on
// each page (both timed within seconds of each other) moves far less.
if (results.ours) {
  for (const name of names.filter((n) => n !== 'ours')) {
    const theirs = results[name]!.ms;
    const ratios = results.ours.ms.map((ms, i) => ms / theirs[i]!).sort((a, b) => a - b);
    const faster = ratios.filter((r) => r < 1).length;
    out(`ours / ${name}, per page: median ratio ${quantile(ratios, 0.5).toFixed(2)}, ours faster on ${faster} of ${ratios.length} pages`);
  }
}

if (worst > 0) {
  const f1 = (c: PageCounts) => {
    const p = pagePrecision(c) ?? 0;
    const r = pageRecall(c) ?? 0;
    return p + r === 0 ? 0 : (2 * p * r) / (p + r);
  };
  out(`\nworst ${worst} pages (ours): id  F1  P  R  url`);
  for (const p of [...perPage].sort((a, b) => f1(a.counts) - f1(b.counts)).slice(0, worst)) {
    out(
      `${p.id.slice(0, 12)}  ${f1(p.counts).toFixed(2)}  ${(pagePrecision(p.counts) ?? 0).toFixed(2)}  ${(pageRecall(p.counts) ?? 0).toFixed(2)}  ${p.url}`,
    );
  }
}

if (floor !== undefined && results.ours) {
  const f1 = score(results.ours.counts).f1;
  if (f1 < floor) {
    console.error(`F1 ${f1.toFixed(3)} is below the floor ${floor}`);
    process.exit(1);
  }
}
