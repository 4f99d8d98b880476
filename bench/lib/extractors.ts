/**
 * The three extractors the extraction benchmark compares, as they run on one document (a live
 * page in Chromium, or a jsdom document). What each timer covers:
 * - ours: everything a clip does to get the article's text: the base URL, the copy of the page,
 *   Readability and when needed defuddle, the clean-up, HTML → markdown → text.
 * - readability: `parse()` on the document itself, reading `textContent`. It mutates what it
 *   reads, which a clipper could not allow, but each run has a freshly parsed page, so the copy a
 *   clipper would need is left out of its time.
 * - defuddle: `parse()` on the document; turning its HTML answer into text is outside the timer.
 * Each also gives its title, byline and published date (metadata-agreement.ts compares them):
 * Readability's and defuddle's come with `parse()`; ours is `extractMetadata`, run before the
 * timer on the untouched page (a clip runs it too; the F1 timings have never included it), with
 * the page's own titles and headlines beside it (page-titles.ts) for the differential's headline rule.
 */
import { Readability } from '@mozilla/readability';
import Defuddle from 'defuddle';
import { extractArticle, extractMetadata, htmlToMarkdown, markdownToText } from '../../lib/clip/index';
import type { PageFields } from './metadata-agreement';
import { pageTitles } from './page-titles';
import { baseUrlOf } from '../../lib/clip/url';

export type ExtractorName = 'ours' | 'readability' | 'defuddle';
export const EXTRACTORS: readonly ExtractorName[] = ['ours', 'readability', 'defuddle'];

export interface Extraction {
  text: string;
  ms: number;
  fields: PageFields;
}

const some = (v: string | null | undefined) => v || undefined;

const extractors: Record<ExtractorName, (doc: Document, url: string) => { out: string; fields: PageFields }> = {
  ours: (doc, url) => {
    const article = extractArticle(doc, url);
    return { out: markdownToText(htmlToMarkdown(article.content, { baseUrl: baseUrlOf(doc, url) })), fields: {} };
  },
  readability: (doc) => {
    const r = new Readability(doc).parse();
    return { out: r?.textContent ?? '', fields: { title: some(r?.title), byline: some(r?.byline), date: some(r?.publishedTime) } };
  },
  defuddle: (doc, url) => {
    const r = new Defuddle(doc, { url }).parse();
    return { out: r.content, fields: { title: some(r.title), byline: some(r.author), date: some(r.published) } };
  },
};

export function extract(name: ExtractorName, doc: Document, url: string): Extraction {
  let fields: PageFields = {};
  if (name === 'ours') {
    const meta = extractMetadata(doc, url);
    fields = { title: some(meta.title), byline: some(meta.authors.join(', ')), date: meta.published, page: pageTitles(doc) };
  }
  const start = performance.now();
  const run = extractors[name](doc, url);
  const ms = performance.now() - start;
  if (name !== 'ours') fields = run.fields;
  if (name !== 'defuddle') return { text: run.out, ms, fields };
  const Parser = doc.defaultView?.DOMParser ?? DOMParser;
  return { text: new Parser().parseFromString(run.out, 'text/html').body.textContent ?? '', ms, fields };
}

/**
 * The metadata of all three on one page load (`--metadata-only`): ours on the untouched page,
 * defuddle on a copy of it, Readability last since it changes what it reads.
 */
export function extractAllMetadata(doc: Document, url: string): Record<ExtractorName, PageFields> {
  const meta = extractMetadata(doc, url);
  const ours: PageFields = { title: some(meta.title), byline: some(meta.authors.join(', ')), date: meta.published, page: pageTitles(doc) };
  const d = new Defuddle(doc.cloneNode(true) as Document, { url }).parse();
  const defuddle: PageFields = { title: some(d.title), byline: some(d.author), date: some(d.published) };
  const r = new Readability(doc).parse();
  const readability: PageFields = { title: some(r?.title), byline: some(r?.byline), date: some(r?.publishedTime) };
  return { ours, readability, defuddle };
}
