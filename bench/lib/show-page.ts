/**
 * Debug helper for the extraction benchmark: prints our text for one page beside its ground truth,
 * with the page's precision/recall, to see what a heuristic should add or remove.
 *   npx tsx bench/lib/show-page.ts <id-prefix> [--extractor readability|defuddle] [--rewrite div-br|…]
 * `--rewrite`: on the page after that metamorphic rewrite (rewrites.ts).
 */
import { JSDOM, VirtualConsole } from 'jsdom';
import { extractArticle, htmlToMarkdown, markdownToText } from '../../lib/clip/index';
import { baseUrlOf } from '../../lib/clip/url';
import { loadCorpus } from './corpus';
import { pageCounts, pagePrecision, pageRecall } from './metric';
import { type RewriteName, rewritePage } from './rewrites';

const prefix = process.argv[2] ?? '';
const only = process.argv.includes('--extractor') ? process.argv[process.argv.indexOf('--extractor') + 1] : undefined;
const page = loadCorpus().find((p) => p.id.startsWith(prefix));
if (!page) throw new Error(`no page ${prefix}`);
const dom = new JSDOM(page.html.toString('utf8'), { url: page.url, contentType: 'text/html', virtualConsole: new VirtualConsole() });
const doc = dom.window.document;
const rewrite = process.argv.includes('--rewrite') ? (process.argv[process.argv.indexOf('--rewrite') + 1] as RewriteName) : undefined;
if (rewrite && !rewritePage(doc, page.truth, rewrite)) throw new Error(`${rewrite} does not apply to ${page.id}`);
const article = extractArticle(doc, page.url, only ? { extractors: [only as 'readability' | 'defuddle'] } : {});
const text = markdownToText(htmlToMarkdown(article.content, { baseUrl: baseUrlOf(doc, page.url) }));
const c = pageCounts(page.truth, text);
process.stdout.write(`${page.url}\nextractor ${article.extractor}  P ${pagePrecision(c)?.toFixed(2)}  R ${pageRecall(c)?.toFixed(2)}\n`);
process.stdout.write(`\n===== OURS =====\n${text}\n\n===== TRUTH =====\n${page.truth}\n`);

// Lines of ours that are mostly absent from the truth: what costs precision.
const truthShingles = new Set(
  (page.truth.match(/[\p{L}\p{N}_]+/gu) ?? []).map((_, i, t) => t.slice(i, i + 4).join(' ')),
);
process.stdout.write('\n===== EXTRA (ours, not in truth) =====\n');
for (const line of text.split('\n')) {
  const tokens = line.match(/[\p{L}\p{N}_]+/gu) ?? [];
  if (tokens.length === 0) continue;
  let hit = 0;
  for (let i = 0; i + 4 <= tokens.length; i++) if (truthShingles.has(tokens.slice(i, i + 4).join(' '))) hit++;
  const total = Math.max(1, tokens.length - 3);
  if (hit / total < 0.5) process.stdout.write(`- ${line.slice(0, 160)}\n`);
}

// Lines of the truth mostly absent from ours: what costs recall.
const ourShingles = new Set((text.match(/[\p{L}\p{N}_]+/gu) ?? []).map((_, i, t) => t.slice(i, i + 4).join(' ')));
process.stdout.write('\n===== MISSING (truth, not in ours) =====\n');
for (const line of page.truth.split('\n')) {
  const tokens = line.match(/[\p{L}\p{N}_]+/gu) ?? [];
  if (tokens.length < 4) continue;
  let hit = 0;
  for (let i = 0; i + 4 <= tokens.length; i++) if (ourShingles.has(tokens.slice(i, i + 4).join(' '))) hit++;
  if (hit / (tokens.length - 3) < 0.5) process.stdout.write(`- ${line.slice(0, 160)}\n`);
}
