/**
 * The metadata differential of `npm run bench:extract`: on each page where Readability finds a
 * title, a byline or a published date, does another extractor say the same? Readability is the
 * reference because it is strong on these fields; agreement is judged leniently on form and
 * strictly on substance:
 * - title: equal after whitespace, case, quote, dash and character-reference normalization (a
 *   JSON-LD headline's "&nbsp;" is a space), or equal to a run of the reference's parts between
 *   separators (Readability often keeps "| Site" on; the rest is the same title). That is the
 *   strict rate. The rate the floor holds adds one rule, the issue's own ranking: where the page
 *   gives itself two titles (a JSON-LD or og:title headline written for search or social, and
 *   the h1 it shows), Readability takes the declared one and we take the one shown; when ours is
 *   a visible h1 that the page also declares, and Readability's is another title the page
 *   declares, both read the page's own titles and the page shows ours (page-titles.ts reads
 *   them, apart from our title code). A title the page neither shows nor declares never passes;
 * - byline: the same names, whichever shape ("By Jane Roe | Reuters" holds "Jane Roe"; one
 *   side's name words all appear in the other's, after case, punctuation, "by"/"and", dates and
 *   text nodes glued together ("Jane RoeNovember 5, 2019") are set aside);
 * - date: the same calendar day (a leading ISO day as written, else the UTC day of the instant).
 * A reference byline of "By" alone and a date of year 0001 are not findings.
 */

import type { PageTitles } from './page-titles';

export interface PageFields {
  title?: string;
  byline?: string;
  date?: string;
  /** The page's own titles and headlines (set beside ours). */
  page?: PageTitles;
}

export type Field = 'title' | 'byline' | 'date';
export const FIELDS: readonly Field[] = ['title', 'byline', 'date'];

const ENTITIES: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', nbsp: ' ' };

function decoded(text: string): string {
  return text.replace(/&(?:#(\d{1,7})|#x([\da-f]{1,6})|([a-z]+));/gi, (all, dec, hex, name) => {
    const code = dec ? Number(dec) : hex ? Number.parseInt(hex, 16) : undefined;
    if (code !== undefined) return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
    return ENTITIES[(name as string).toLowerCase()] ?? all;
  });
}

function normalized(text: string): string {
  return decoded(text)
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[‐‑‒–—―]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The words of a byline that can be names: "By Jane Roe and John Doe" → jane, roe, john, doe. */
const NOT_NAME_WORD =
  /^(?:by|and|und|et|y|von|par|\d+|am|pm|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|(?:mon|tues|wednes|thurs|fri|satur|sun)day)$/;

function nameWords(text: string): Set<string> {
  // Text nodes read together glue a name to the date after it: "Jane RoeNovember 5".
  const apart = decoded(text).replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2');
  const words = normalized(apart).replace(/[^\p{L}\p{N}]+/gu, ' ').trim().split(' ');
  return new Set(words.filter((w) => w && !NOT_NAME_WORD.test(w)));
}

const SEPARATED = /\s+[|\-–—·•»:/\\]\s+|\s*[|•»]\s*/;

/** `other` is `reference` with parts between separators taken off (a site's or section's name). */
function sameWithoutParts(reference: string, other: string): boolean {
  const parts = normalized(reference).split(SEPARATED);
  const target = normalized(other);
  for (let i = 0; i < parts.length; i++) {
    for (let j = i + 1; j <= parts.length; j++) if (parts.slice(i, j).join(' ') === target.split(SEPARATED).join(' ')) return true;
  }
  return false;
}

export function dayOf(raw: string): string | undefined {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(raw);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  const t = Date.parse(raw);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString().slice(0, 10);
}

function sameTitle(reference: string, other: string): boolean {
  return normalized(reference) === normalized(other) || sameWithoutParts(reference, other);
}

/** Ours is a headline the page shows and declares; the reference is another title the page declares. */
export function shownOverDeclared(reference: string, other: string, page: PageTitles | undefined): boolean {
  if (!page) return false;
  const shown = page.headlines.some((h) => normalized(h) === normalized(other));
  const declared = (title: string) => page.declared.some((d) => sameTitle(d, title));
  return shown && declared(other) && declared(reference);
}

export function agrees(field: Field, reference: string, other: string | undefined): boolean {
  if (!other) return false;
  if (field === 'title') return sameTitle(reference, other);
  if (field === 'date') return dayOf(reference) !== undefined && dayOf(reference) === dayOf(other);
  const a = nameWords(reference);
  const b = nameWords(other);
  if (a.size === 0 || b.size === 0) return false;
  const within = (x: Set<string>, y: Set<string>) => [...x].every((w) => y.has(w));
  return within(a, b) || within(b, a);
}

export interface AgreementCounts {
  /** Pages where the reference found the field. */
  found: Record<Field, number>;
  /** With the headline rule for titles. */
  agreed: Record<Field, number>;
  /** Titles that agree without it. */
  strictTitles: number;
  /** Pages that disagree, for the report: id, field, reference, other. */
  misses: string[][];
  /** Titles counted by the headline rule alone, for the report: id, reference, other. */
  shownHeadlines: string[][];
}

export function emptyCounts(): AgreementCounts {
  return { found: { title: 0, byline: 0, date: 0 }, agreed: { title: 0, byline: 0, date: 0 }, strictTitles: 0, misses: [], shownHeadlines: [] };
}

/** What the reference says is a finding: a byline with a name in it, a date after year 1000 (not a "0001-01-01" placeholder). */
function found(field: Field, value: string): boolean {
  if (field === 'byline') return nameWords(value).size > 0;
  if (field === 'date') return (dayOf(value) ?? '0') > '1000';
  return true;
}

export function countAgreement(counts: AgreementCounts, id: string, reference: PageFields, other: PageFields): void {
  for (const field of FIELDS) {
    const ref = reference[field]?.trim();
    if (!ref || !found(field, ref)) continue;
    counts.found[field]++;
    const value = other[field];
    if (agrees(field, ref, value)) {
      counts.agreed[field]++;
      if (field === 'title') counts.strictTitles++;
    } else if (field === 'title' && value && shownOverDeclared(ref, value, other.page)) {
      counts.agreed[field]++;
      counts.shownHeadlines.push([id, ref, value]);
    } else counts.misses.push([id, field, ref, value ?? '']);
  }
}

export function rate(counts: AgreementCounts, field: Field): number {
  return counts.found[field] === 0 ? 1 : counts.agreed[field] / counts.found[field];
}

export function strictTitleRate(counts: AgreementCounts): number {
  return counts.found.title === 0 ? 1 : counts.strictTitles / counts.found.title;
}
