/**
 * The three extractors the extraction benchmark compares, as they run on one document (a live
 * page in Chromium, or a jsdom document). What each timer covers:
 * - ours: everything a clip does to get the article's text: the base URL, the copy of the page,
 *   Readability and when needed defuddle, the clean-up, HTML → markdown → text.
 * - readability: `parse()` on the document itself, reading `textContent`. It mutates what it
 *   reads, which a clipper could not allow, but each run has a freshly parsed page, so the copy a
 *   clipper would need is left out of its time.
 * - defuddle: `parse()` on the document; turning its HTML answer into text is outside the timer.
 */
import { Readability } from '@mozilla/readability';
import Defuddle from 'defuddle';
import { extractArticle, htmlToMarkdown, markdownToText } from '../../lib/clip/index';
import { baseUrlOf } from '../../lib/clip/url';

export type ExtractorName = 'ours' | 'readability' | 'defuddle';
export const EXTRACTORS: readonly ExtractorName[] = ['ours', 'readability', 'defuddle'];

export interface Extraction {
  text: string;
  ms: number;
}

const extractors: Record<ExtractorName, (doc: Document, url: string) => string> = {
  ours: (doc, url) => {
    const article = extractArticle(doc, url);
    return markdownToText(htmlToMarkdown(article.content, { baseUrl: baseUrlOf(doc, url) }));
  },
  readability: (doc) => new Readability(doc).parse()?.textContent ?? '',
  defuddle: (doc, url) => new Defuddle(doc, { url }).parse().content,
};

export function extract(name: ExtractorName, doc: Document, url: string): Extraction {
  const start = performance.now();
  const out = extractors[name](doc, url);
  const ms = performance.now() - start;
  if (name !== 'defuddle') return { text: out, ms };
  const Parser = doc.defaultView?.DOMParser ?? DOMParser;
  return { text: new Parser().parseFromString(out, 'text/html').body.textContent ?? '', ms };
}
