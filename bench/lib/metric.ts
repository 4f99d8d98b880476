/**
 * The article-extraction-benchmark metric, exactly as bench/corpus/README.md describes it (and as the
 * published Readability/trafilatura figures were computed): 4-token shingles with multiplicity,
 * per-page TP/FP/FN normalised to sum to 1, precision and recall averaged over pages, F1 as the
 * harmonic mean of the two means, ± as the standard deviation of F1 over bootstrap resamples.
 */

/** Python's `\w+` with Unicode: letters, digits (all scripts) and underscore. JS `\w` is ASCII-only. */
const TOKEN = /[\p{L}\p{N}_]+/gu;

export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

export function shingles(text: string, n = 4): Map<string, number> {
  const tokens = tokenize(text);
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    // \u0001 cannot occur inside a token, so joined keys never collide.
    const key = tokens.slice(i, i + n).join('\u0001');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

export interface PageCounts {
  /** Normalised so tp + fp + fn = 1 (all 0 when both texts have no shingle). */
  tp: number;
  fp: number;
  fn: number;
}

export function pageCounts(truth: string, prediction: string): PageCounts {
  const t = shingles(truth);
  const p = shingles(prediction);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, pc] of p) {
    const tc = t.get(key) ?? 0;
    tp += Math.min(tc, pc);
    fp += Math.max(0, pc - tc);
  }
  for (const [key, tc] of t) fn += Math.max(0, tc - (p.get(key) ?? 0));
  const sum = tp + fp + fn;
  if (sum === 0) return { tp: 0, fp: 0, fn: 0 };
  return { tp: tp / sum, fp: fp / sum, fn: fn / sum };
}

/** Page precision; undefined when the page has no predicted shingle (it is left out of the mean). */
export function pagePrecision(c: PageCounts): number | undefined {
  if (c.tp + c.fp === 0) return undefined;
  if (c.fp === 0 && c.fn === 0) return 1;
  return c.tp / (c.tp + c.fp);
}

/** Page recall; undefined when the truth has no shingle. */
export function pageRecall(c: PageCounts): number | undefined {
  if (c.tp + c.fn === 0) return undefined;
  if (c.fp === 0 && c.fn === 0) return 1;
  return c.tp / (c.tp + c.fn);
}

export interface Scores {
  precision: number;
  recall: number;
  f1: number;
}

function mean(values: number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}

export function score(pages: readonly PageCounts[]): Scores {
  const precisions: number[] = [];
  const recalls: number[] = [];
  for (const c of pages) {
    const p = pagePrecision(c);
    const r = pageRecall(c);
    if (p !== undefined) precisions.push(p);
    if (r !== undefined) recalls.push(r);
  }
  const precision = mean(precisions);
  const recall = mean(recalls);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** mulberry32: a tiny seeded PRNG so the bootstrap ± is the same on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard deviation of F1 over `rounds` resamples (with replacement) of the pages. */
export function bootstrapF1Std(pages: readonly PageCounts[], rounds = 1000, seed = 42): number {
  if (pages.length === 0) return 0;
  const random = seededRandom(seed);
  const f1s: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const sample: PageCounts[] = [];
    for (let i = 0; i < pages.length; i++) sample.push(pages[Math.floor(random() * pages.length)]!);
    f1s.push(score(sample).f1);
  }
  const m = mean(f1s);
  return Math.sqrt(mean(f1s.map((x) => (x - m) ** 2)));
}
