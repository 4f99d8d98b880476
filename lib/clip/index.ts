/**
 * The clip pipeline's public face: a page (or a selection of it) in, markdown and metadata out.
 * Needs only a DOM, so the same code runs injected into the page, in unit tests and in the benchmark.
 */
import { extractArticle } from './article';
import { fullPageContent } from './fullpage';
import { type MarkdownOptions, htmlToMarkdown } from './markdown';
import { type PageMetadata, extractMetadata } from './metadata';
import { selectionToFragment } from './selection';
import { MAX_PAGE_TEXT_BYTES, textBytes } from './size-limits';
import { baseUrlOf } from './url';
import { readVideoPage, videoArticle } from './video';

export { extractArticle } from './article';
export type { ArticleOptions, ArticleResult, ExtractorName } from './article';
export { htmlToMarkdown } from './markdown';
export { createImageInliner } from './images';
export type { ImageInliner } from './images';
export type { FetchLike } from './image-fetch';
export { extractMetadata } from './metadata';
export type { PageMetadata } from './metadata';
export { markdownToText } from './text';
export { selectionToFragment } from './selection';
export { fullPageContent } from './fullpage';

export { MAX_PAGE_TEXT_BYTES } from './size-limits';

export type ClipErrorKind = 'too_large' | 'empty';

/**
 * Why a clip failed, as facts: this code runs in the page, which has no say in the words; the
 * background words them from the locales (lib/background/capture-failure.ts).
 */
export class ClipError extends Error {
  constructor(
    readonly kind: ClipErrorKind,
    /** For too_large: the clip's UTF-8 size. */
    readonly bytes?: number,
  ) {
    super(kind);
    this.name = 'ClipError';
  }
}

export interface Clip {
  title: string;
  markdown: string;
  metadata: PageMetadata;
}

function finish(markdown: string, metadata: PageMetadata, title: string): Clip {
  const size = textBytes(markdown);
  if (size > MAX_PAGE_TEXT_BYTES) {
    throw new ClipError('too_large', size);
  }
  return { title, markdown, metadata };
}

/** Optional for every clip: how image destinations are written (lib/clip/images marks those to inline). */
type ImageUrl = MarkdownOptions['imageUrl'];

export function clipArticle(doc: Document, pageUrl: string, imageUrl?: ImageUrl): Clip {
  const metadata = extractMetadata(doc, pageUrl);
  // A video page's article is its description and, when shown, its transcript (video.ts).
  const video = readVideoPage(doc, pageUrl);
  if (video) {
    const markdown = htmlToMarkdown(videoArticle(video, doc), { baseUrl: video.watchUrl, imageUrl });
    return finish(markdown, metadata, metadata.title);
  }
  const article = extractArticle(doc, pageUrl);
  const markdown = htmlToMarkdown(article.content, { baseUrl: baseUrlOf(doc, pageUrl), imageUrl });
  return finish(markdown, metadata, metadata.title || article.title);
}

export function clipSelection(doc: Document, selection: Selection, pageUrl: string, imageUrl?: ImageUrl): Clip {
  const metadata = extractMetadata(doc, pageUrl);
  const fragment = selectionToFragment(selection, doc);
  const markdown = htmlToMarkdown(fragment, { baseUrl: baseUrlOf(doc, pageUrl), imageUrl });
  if (!markdown) throw new ClipError('empty');
  return finish(markdown, metadata, metadata.title);
}

export function clipFullPage(doc: Document, pageUrl: string, imageUrl?: ImageUrl): Clip {
  const metadata = extractMetadata(doc, pageUrl);
  const markdown = htmlToMarkdown(fullPageContent(doc), { baseUrl: baseUrlOf(doc, pageUrl), imageUrl });
  return finish(markdown, metadata, metadata.title);
}
