/**
 * The clipper's body, run in the page's isolated world: read the live document for the asked
 * mode and return plain data. It reads the DOM only; nothing from page scripts is trusted or called.
 */
import { clipArticle, htmlToMarkdown } from '../clip';
import { type CaptureResult, MAX_MARKDOWN_BYTES, type PageMetadata, type PageMode } from './schema';

// Interim: until lib/clip grows its own selection, full-page and metadata readers.
function clipSelection(doc: Document, selection: Selection, url: string): { markdown: string } {
  const fragment = doc.createDocumentFragment();
  for (let i = 0; i < selection.rangeCount; i++) fragment.append(selection.getRangeAt(i).cloneContents());
  return { markdown: htmlToMarkdown(fragment, { baseUrl: url }) };
}
function clipFullPage(doc: Document, url: string): { markdown: string } {
  return { markdown: doc.body ? htmlToMarkdown(doc.body, { baseUrl: url }) : '' };
}
function extractMetadata(doc: Document, _url: string): PageMetadata {
  const meta = (name: string) =>
    doc.querySelector(`meta[property="${name}"], meta[name="${name}"]`)?.getAttribute('content') ?? undefined;
  return { title: meta('og:title'), description: meta('og:description') ?? meta('description'), authors: [] };
}

export function capturePage(doc: Document, selection: Selection | null, mode: PageMode): CaptureResult {
  try {
    const url = doc.URL;
    const metadata = extractMetadata(doc, url);
    const title = metadata.title || doc.title || url;
    let markdown = '';
    let selectionEmpty: boolean | undefined;
    if (mode === 'selection') {
      const hasSelection = !!selection && selection.rangeCount > 0 && !selection.isCollapsed;
      selectionEmpty = !hasSelection;
      markdown = hasSelection ? clipSelection(doc, selection, url).markdown : clipArticle(doc, url).markdown;
    } else if (mode === 'fullpage') {
      markdown = clipFullPage(doc, url).markdown;
    } else if (mode === 'article') {
      markdown = clipArticle(doc, url).markdown;
    }
    if (new TextEncoder().encode(markdown).length > MAX_MARKDOWN_BYTES) {
      return {
        ok: false,
        code: 'too_large',
        message: 'This page is too large to clip whole. Select the part you want and clip the selection.',
      };
    }
    return { ok: true, page: { mode, url, title, markdown, metadata, selectionEmpty } };
  } catch {
    return { ok: false, code: 'failed', message: 'Clip to Anytype could not read this page. Try Bookmark instead.' };
  }
}
