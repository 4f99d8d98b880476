/**
 * Article mode: the main content of the page as a detached element. Readability and defuddle both
 * run on clones of the page; the result with the better content score wins, then a generic
 * clean-up removes blocks that are not the article (comments, related links, share bars, sign-up
 * boxes) by the signals such blocks have everywhere, not by site.
 */
import { Readability } from '@mozilla/readability';
import Defuddle from 'defuddle';
import { cleanArticle, precleanDocument } from './clean';
import { cloneDocument, parseInert, textLength } from './dom';
import { baseUrlOf } from './url';

export type ExtractorName = 'readability' | 'defuddle' | 'body';

export interface ArticleResult {
  /** Title as the extractor saw it (metadata.ts has the richer one). */
  title: string;
  /** Detached element holding the article; never attached to the page. */
  content: Element;
  extractor: ExtractorName;
  byline?: string;
}

export interface ArticleOptions {
  extractors?: readonly Exclude<ExtractorName, 'body'>[];
}

function runReadability(doc: Document, pageUrl: string): { title: string; content: Element; byline?: string } | undefined {
  const clone = cloneDocument(doc);
  precleanDocument(clone, baseUrlOf(doc, pageUrl));
  const result = new Readability<Element>(clone, { keepClasses: true, serializer: (el) => el as Element }).parse();
  if (!result?.content) return undefined;
  return { title: result.title ?? '', content: result.content, byline: result.byline ?? undefined };
}

function runDefuddle(doc: Document, pageUrl: string): { title: string; content: Element; byline?: string } | undefined {
  const clone = cloneDocument(doc);
  precleanDocument(clone, baseUrlOf(doc, pageUrl));
  const result = new Defuddle(clone, { url: pageUrl }).parse();
  if (!result.content) return undefined;
  const parsed = parseInert(result.content, doc);
  return { title: result.title, content: parsed.body, byline: result.author || undefined };
}

export function extractArticle(doc: Document, pageUrl: string, options: ArticleOptions = {}): ArticleResult {
  const extractors = options.extractors ?? ['readability'];
  const candidates: ArticleResult[] = [];
  for (const name of extractors) {
    const r = name === 'readability' ? runReadability(doc, pageUrl) : runDefuddle(doc, pageUrl);
    if (r) candidates.push({ ...r, extractor: name });
  }
  let best = candidates[0];
  for (const c of candidates.slice(1)) if (best && textLength(c.content) > textLength(best.content)) best = c;
  if (!best) {
    const clone = cloneDocument(doc);
    precleanDocument(clone, baseUrlOf(doc, pageUrl));
    return { title: clone.title, content: clone.body ?? clone.documentElement, extractor: 'body' };
  }
  cleanArticle(best.content);
  return best;
}
