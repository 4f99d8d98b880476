/**
 * Extraction benchmark: our article pipeline (extract → markdown → markdownToText) against plain
 * @mozilla/readability (textContent) and plain defuddle, on the 181 pages of
 * bench/corpus/article-extraction-benchmark, with that benchmark's exact metric.
 *
 *   npm run bench:extract [-- --dom chromium|jsdom] [--floor 0.95] [--limit N] [--worst K] [--only ours] [--reuse-tab]
 *                         [--metadata-floor 0.95,0.9,0.9] [--title-strict-floor 0.93] [--metadata-misses] [--metadata-only]
 *                         [--pages id-prefix,…] [--metamorphic [--rewrites div-br,…]]
 *
 * `--metamorphic`: each page is also clipped (ours only) after each content-preserving rewrite of
 * its article (bench/lib/rewrites.ts), against the same ground truth; the F1 of the original and
 * the rewritten sets is printed side by side, and the run fails when on any rewritten page our
 * recall falls more than METAMORPHIC_TOLERANCE below our recall on the original page.
 *
 * `--metadata-only`: only the title/byline/date differential, all three extractors on one load of
 * each page in one tab (no F1, no timing). `--metadata-floor`: the least agreement of title (with
 * the headline rule), byline and date; `--title-strict-floor`: the least title agreement without
 * it (metadata-agreement.ts says what each counts).
 *
 * DOM (default): headless Chromium (the system's, as in the e2e tests), the browser the extension
 * runs in: Blink parses each page at its own URL, and each extractor runs cold in a fresh tab, as
 * a clip does (bench/lib/chromium-corpus.ts). `--dom jsdom` parses with jsdom instead (same trees,
 * a DOM written in JavaScript; bench/lib/jsdom-corpus.ts). bench/lib/extractors.ts says what each
 * timer covers; parsing and loading are never timed.
 */
import { openChromiumCorpus } from './lib/chromium-corpus';
import { loadCorpus } from './lib/corpus';
import type { CorpusDom } from './lib/corpus-dom';
import type { PageFields } from './lib/metadata-agreement';
import { EXTRACTORS } from './lib/extractors';
import { openJsdomCorpus } from './lib/jsdom-corpus';
import { type AgreementCounts, FIELDS, countAgreement, emptyCounts, rate, strictTitleRate } from './lib/metadata-agreement';
import { type PageCounts, bootstrapF1Std, pageCounts, pagePrecision, pageRecall, score } from './lib/metric';
import { REWRITES, type RewriteName } from './lib/rewrites';

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

const out = (line = '') => process.stdout.write(`${line}\n`);

// Title, byline, date: the agreement with Readability each must reach (metadata-agreement.ts).
const metadataFloor = arg('metadata-floor')?.split(',').map(Number);
const titleStrictFloor = arg('title-strict-floor') !== undefined ? Number(arg('title-strict-floor')) : undefined;

const pagePrefixes = arg('pages')?.split(',');
const pages = loadCorpus()
  .filter((p) => !pagePrefixes || pagePrefixes.some((prefix) => p.id.startsWith(prefix)))
  .slice(0, limit);

/** How far below the original page's recall a rewritten page's may fall. */
const METAMORPHIC_TOLERANCE = 0.05;
const metamorphic = process.argv.includes('--metamorphic');
const rewrites = (arg('rewrites')?.split(',') ?? [...REWRITES]) as RewriteName[];
for (const r of rewrites) if (!REWRITES.includes(r)) throw new Error(`--rewrites ${r}: use ${REWRITES.join(', ')}`);
/** Per rewrite: the original and the rewritten page's counts, for the pages it applies to. */
const rewritten: Record<string, { original: PageCounts[]; rewritten: PageCounts[] }> = {};
for (const r of rewrites) rewritten[r] = { original: [], rewritten: [] };
const metamorphicFailures: string[] = [];
// The metadata differential needs Readability's answer beside ours.
const names = EXTRACTORS.filter((n) => !only || only.includes(n) || ((metadataFloor || titleStrictFloor !== undefined) && n === 'readability'));
const agreement: Record<string, AgreementCounts> = {};
for (const name of names) if (name !== 'readability') agreement[name] = emptyCounts();
const domName = arg('dom') ?? 'chromium';
if (domName !== 'chromium' && domName !== 'jsdom') throw new Error(`--dom ${domName}: use chromium or jsdom`);
const results: Record<string, { counts: PageCounts[]; ms: number[] }> = {};
for (const name of names) results[name] = { counts: [], ms: [] };
const perPage: { id: string; url: string; counts: PageCounts }[] = [];
const failures: string[] = [];

const reuseTab = process.argv.includes('--reuse-tab');
const metadataOnly = process.argv.includes('--metadata-only');
if (metadataOnly) for (const name of EXTRACTORS) if (name !== 'readability') agreement[name] ??= emptyCounts();
const dom: CorpusDom = domName === 'jsdom' ? openJsdomCorpus() : await openChromiumCorpus({ reuseTab });
try {
  let done = 0;
  for (const page of pages) {
    if (++done % 20 === 0) process.stderr.write(`${done}/${pages.length}\n`);
    // Every other page the other way round, so that no extractor always runs just after another.
    const fields: Record<string, PageFields> = {};
    if (metadataOnly) {
      try {
        Object.assign(fields, await dom.metadata(page.url, page.html));
      } catch (error) {
        failures.push(`metadata failed on ${page.id}: ${(error as Error).message.split('\n')[0]}`);
      }
    }
    for (const name of metadataOnly ? [] : done % 2 ? names : [...names].reverse()) {
      let text = '';
      let ms = Number.NaN;
      try {
        const run = await dom.extract(page.url, page.html, name);
        if (!run) throw new Error('no extraction');
        ({ text, ms, fields: fields[name] } = run);
      } catch (error) {
        failures.push(`${name} failed on ${page.id}: ${(error as Error).message.split('\n')[0]}`);
      }
      const counts = pageCounts(page.truth, text);
      results[name]!.counts.push(counts);
      results[name]!.ms.push(ms);
      if (name === 'ours') perPage.push({ id: page.id, url: page.url, counts });
      if (name === 'ours' && metamorphic) await runRewrites(page, counts);
    }
    if (fields.readability) {
      for (const name of Object.keys(agreement)) countAgreement(agreement[name]!, page.id, fields.readability, fields[name] ?? {});
    }
  }
} finally {
  await dom.close();
}

async function runRewrites(page: (typeof pages)[number], original: PageCounts): Promise<void> {
  const originalRecall = pageRecall(original);
  for (const name of rewrites) {
    let text = '';
    try {
      const run = await dom.extract(page.url, page.html, 'ours', { name, truth: page.truth });
      if (!run) continue;
      text = run.text;
    } catch (error) {
      failures.push(`ours on ${name} failed on ${page.id}: ${(error as Error).message.split('\n')[0]}`);
    }
    const counts = pageCounts(page.truth, text);
    rewritten[name]!.original.push(original);
    rewritten[name]!.rewritten.push(counts);
    const recall = pageRecall(counts);
    if (originalRecall !== undefined && recall !== undefined && recall < originalRecall - METAMORPHIC_TOLERANCE) {
      metamorphicFailures.push(`${page.id.slice(0, 12)}  ${name.padEnd(19)}  recall ${originalRecall.toFixed(2)} → ${recall.toFixed(2)}  ${page.url}`);
    }
  }
}

out(`pages: ${pages.length}, DOM: ${domName === 'jsdom' ? 'jsdom' : 'headless Chromium'}${failures.length ? ` (${failures.length} failures: ${failures.slice(0, 3).join('; ')})` : ''}`);
for (const note of new Set(dom.notes)) out(note);
if (reuseTab) out('one tab for every run (--reuse-tab): the milliseconds below do not compare between extractors');
if (!metadataOnly) out('extractor     F1      ±       precision  recall  median ms  p95 ms');
for (const name of metadataOnly ? [] : names) {
  const { counts, ms } = results[name]!;
  const s = score(counts);
  const sorted = ms.filter((m) => !Number.isNaN(m)).sort((a, b) => a - b);
  out(
    `${name.padEnd(12)}  ${s.f1.toFixed(3)}  ${bootstrapF1Std(counts).toFixed(3)}   ${s.precision.toFixed(3)}      ${s.recall.toFixed(3)}   ${quantile(sorted, 0.5).toFixed(1).padStart(8)}  ${quantile(sorted, 0.95).toFixed(1).padStart(6)}`,
  );
}

// Two medians taken apart move with the machine's load from one run to the next; the ratio on
// each page (both timed within seconds of each other) moves far less.
if (results.ours && !metadataOnly) {
  for (const name of names.filter((n) => n !== 'ours')) {
    const theirs = results[name]!.ms;
    const ratios = results.ours.ms.map((ms, i) => ms / theirs[i]!).filter((r) => !Number.isNaN(r)).sort((a, b) => a - b);
    const faster = ratios.filter((r) => r < 1).length;
    out(`ours / ${name}, per page: median ratio ${quantile(ratios, 0.5).toFixed(2)}, ours faster on ${faster} of ${ratios.length} pages`);
  }
}

if ((metadataOnly || results.readability) && Object.keys(agreement).length) {
  const found = emptyCounts();
  for (const name of Object.keys(agreement)) Object.assign(found.found, agreement[name]!.found);
  out(`\nmetadata agreeing with Readability where it finds one (pages: title ${found.found.title}, byline ${found.found.byline}, date ${found.found.date})`);
  out('extractor     title   byline  date    title strict (without the headline rule)');
  for (const [name, counts] of Object.entries(agreement)) {
    out(`${name.padEnd(12)}  ${FIELDS.map((f) => rate(counts, f).toFixed(3)).join('   ')}   ${strictTitleRate(counts).toFixed(3)} (${counts.strictTitles} of ${counts.found.title})`);
  }
  if (process.argv.includes('--metadata-misses')) {
    for (const [name, counts] of Object.entries(agreement)) {
      for (const m of counts.misses) out(`  ${name} ${m[0]!.slice(0, 12)} ${m[1]}: Readability "${m[2]}" / "${m[3]}"`);
      for (const m of counts.shownHeadlines) out(`  ${name} ${m[0]!.slice(0, 12)} title, shown headline over declared: Readability "${m[1]}" / "${m[2]}"`);
    }
  }
}

if (metamorphic) {
  const all = { original: [] as PageCounts[], rewritten: [] as PageCounts[] };
  const failed = (name: string) => metamorphicFailures.filter((f) => f.includes(` ${name} `)).length;
  out(`\nmetamorphic (ours): F1 and recall on each rewrite's pages, original → rewritten; failures: recall down by more than ${METAMORPHIC_TOLERANCE}`);
  out('rewrite              pages  F1 original  F1 rewritten  recall original  recall rewritten  failures');
  const row = (name: string, set: { original: PageCounts[]; rewritten: PageCounts[] }, failures: number) => {
    const o = score(set.original);
    const r = score(set.rewritten);
    out(
      `${name.padEnd(19)}  ${String(set.original.length).padStart(5)}  ${o.f1.toFixed(3).padStart(11)}  ${r.f1.toFixed(3).padStart(12)}  ${o.recall.toFixed(3).padStart(15)}  ${r.recall.toFixed(3).padStart(16)}  ${String(failures).padStart(8)}`,
    );
  };
  for (const name of rewrites) {
    row(name, rewritten[name]!, failed(name));
    all.original.push(...rewritten[name]!.original);
    all.rewritten.push(...rewritten[name]!.rewritten);
  }
  row('all', all, metamorphicFailures.length);
  if (metamorphicFailures.length) {
    console.error(`\n${metamorphicFailures.length} rewritten pages lost more than ${METAMORPHIC_TOLERANCE} recall (page, rewrite, recall original → rewritten):`);
    for (const f of metamorphicFailures) console.error(`  ${f}`);
    process.exitCode = 1;
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

if (metadataFloor && agreement.ours) {
  const low = FIELDS.filter((f, i) => rate(agreement.ours!, f) < (metadataFloor[i] ?? 0));
  if (low.length) {
    console.error(`metadata agreement with Readability below its floor: ${low.map((f) => `${f} ${rate(agreement.ours!, f).toFixed(3)}`).join(', ')}`);
    for (const m of agreement.ours.misses) console.error(`  ${m[0]!.slice(0, 12)} ${m[1]}: Readability "${m[2]}" / ours "${m[3]}"`);
    process.exitCode = 1;
  }
}
if (titleStrictFloor !== undefined && agreement.ours && strictTitleRate(agreement.ours) < titleStrictFloor) {
  console.error(`strict title agreement with Readability ${strictTitleRate(agreement.ours).toFixed(3)} is below its floor ${titleStrictFloor}`);
  process.exitCode = 1;
}

if (floor !== undefined && results.ours && !metadataOnly) {
  const f1 = score(results.ours.counts).f1;
  if (f1 < floor) {
    console.error(`F1 ${f1.toFixed(3)} is below the floor ${floor}`);
    process.exit(1);
  }
}
