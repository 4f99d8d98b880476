/**
 * The metadata differential of `npm run bench:extract`: on each page where Readability finds a
 * title, a byline or a published date, does another extractor say the same? Readability is the
 * reference because it is strong on these fields; agreement is judged leniently on form and
 * strictly on substance:
 * - title: equal after whitespace, case, quote and dash normalization, or equal to a run of the
 *   reference's parts between separators (Readability often keeps "| Site" on; the rest is the same title);
 * - byline: the same names, whichever shape ("By Jane Roe | Reuters" holds "Jane Roe"; one
 *   side's name words all appear in the other's, after case, punctuation and "by"/"and" are set aside);
 * - date: the same calendar day (a leading ISO day as written, else the UTC day of the instant).
 * A reference byline of "By" alone and a date of year 0001 are not findings.
 */

export interface PageFields {
  title?: string;
  byline?: string;
  date?: string;
}

export type Field = keyof PageFields;
export const FIELDS: readonly Field[] = ['title', 'byline', 'date'];

function normalized(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[‐‑‒–—―]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The words of a byline that can be names: "By Jane Roe and John Doe" → jane, roe, john, doe. */
function nameWords(text: string): Set<string> {
  const words = normalized(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim().split(' ');
  return new Set(words.filter((w) => w && !/^(?:by|and|und|et|y|von|par)$/.test(w)));
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

export function agrees(field: Field, reference: string, other: string | undefined): boolean {
  if (!other) return false;
  if (field === 'title') return normalized(reference) === normalized(other) || sameWithoutParts(reference, other);
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
  agreed: Record<Field, number>;
  /** Pages that disagree, for the report: id, field, reference, other. */
  misses: string[][];
}

export function emptyCounts(): AgreementCounts {
  return { found: { title: 0, byline: 0, date: 0 }, agreed: { title: 0, byline: 0, date: 0 }, misses: [] };
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
    if (agrees(field, ref, other[field])) counts.agreed[field]++;
    else counts.misses.push([id, field, ref, other[field] ?? '']);
  }
}

export function rate(counts: AgreementCounts, field: Field): number {
  return counts.found[field] === 0 ? 1 : counts.agreed[field] / counts.found[field];
}
