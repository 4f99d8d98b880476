/**
 * Article mode: the main content of the page as a detached element. Readability runs on a lean copy
 * (copy.ts) of the part of the page that holds its prose (scope.ts), defuddle on a copy of the whole
 * page only when Readability finds too little; the longer plausible result wins. Each result is
 * first cleaned of blocks that are not the article (comments, related links, share bars, sign-up
 * boxes, captions) by the signals such blocks have everywhere, not by site.
 *
 * Size: the injected clipper is about 52 KB gzip, of which defuddle is about 30 KB and Readability
 * about 11 KB. Dropping the defuddle fallback would leave about 22 KB.
 */
import { Readability } from '@mozilla/readability';
import Defuddle from 'defuddle';
import { cleanArticle } from './clean';
import { copyForExtraction } from './copy';
import { articleScope } from './scope';
import { linkDensity, textLength } from './dom';
import { parseInert, withGlobalDocumentInert } from './inert';
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

function runReadability(doc: Document, baseUrl: string): { title: string; content: Element; byline?: string } | undefined {
  const clone = copyForExtraction(doc, baseUrl, articleScope(doc));
  const result = new Readability<Element>(clone, { keepClasses: true, disableJSONLD: true, serializer: (el) => el as Element }).parse();
  if (!result?.content) return undefined;
  return { title: result.title ?? '', content: result.content, byline: result.byline ?? undefined };
}

function runDefuddle(doc: Document, baseUrl: string, pageUrl: string): { title: string; content: Element; byline?: string } | undefined {
  const clone = copyForExtraction(doc, baseUrl);
  const result = withGlobalDocumentInert(clone, () => new Defuddle(clone, { url: pageUrl }).parse());
  if (!result.content) return undefined;
  const parsed = parseInert(result.content, doc);
  return { title: result.title, content: parsed.body, byline: result.author || undefined };
}

/** Below this much text Readability has likely picked a teaser or a fragment; ask defuddle too. */
const SHORT_ARTICLE = 600;

export function extractArticle(doc: Document, pageUrl: string, options: ArticleOptions = {}): ArticleResult {
  const extractors = options.extractors ?? ['readability', 'defuddle'];
  let best: ArticleResult | undefined;
  let bestLength = 0;
  const baseUrl = baseUrlOf(doc, pageUrl);
  for (const name of extractors) {
    // defuddle is the fallback: it costs more (it reads computed styles) and is needed rarely.
    if (best && name === 'defuddle' && bestLength >= SHORT_ARTICLE && extractors[0] !== 'defuddle') continue;
    const r = name === 'readability' ? runReadability(doc, baseUrl) : runDefuddle(doc, baseUrl, pageUrl);
    if (!r) continue;
    cleanArticle(r.content, r.title || doc.title);
    const length = textLength(r.content);
    // A longer fallback that is mostly links (news tickers, link lists) is not a better article.
    const plausible = !best || linkDensity(r.content) < 0.3;
    if (!best || (plausible && length > bestLength)) {
      best = { ...r, extractor: name };
      bestLength = length;
    }
  }
  if (best) return best;
  const clone = copyForExtraction(doc, baseUrl);
  const body = clone.body ?? clone.documentElement;
  cleanArticle(body, clone.title);
  return { title: clone.title, content: body, extractor: 'body' };
}
