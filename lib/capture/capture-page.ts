/**
 * The clipper's body, run in the page's isolated world: read the live document for the asked
 * mode and return plain data. It reads the DOM only; nothing from page scripts is trusted or called,
 * and every mode extracts from a copy in an inert document (lib/clip/inert.ts), never building in
 * the page, where markup the page keeps inert would run.
 */
import { ClipError, clipArticle, clipFullPage, clipSelection, extractMetadata, type ImageInliner } from '../clip';
import type { CaptureResult, PageMetadata, PageMode } from './schema';

/** Pages can declare anything in their meta tags; the background refuses oversized fields, so trim here. */
function clampMetadata(meta: PageMetadata): PageMetadata {
  const cut = (value: string | undefined, max: number) => (value === undefined ? undefined : value.slice(0, max));
  return {
    title: cut(meta.title, 1000),
    authors: meta.authors.slice(0, 20).map((author) => author.slice(0, 300)),
    published: cut(meta.published, 100),
    siteName: cut(meta.siteName, 300),
    description: cut(meta.description, 5000),
    canonicalUrl: meta.canonicalUrl && meta.canonicalUrl.length <= 4000 ? meta.canonicalUrl : undefined,
    coverImage: meta.coverImage && meta.coverImage.length <= 4000 ? meta.coverImage : undefined,
    language: cut(meta.language, 40),
  };
}

/** With `images`, the markdown holds its placeholders: only `images.inline` makes it a finished clip. */
export function capturePage(doc: Document, selection: Selection | null, mode: PageMode, images?: ImageInliner): CaptureResult {
  const url = doc.URL;
  try {
    if (mode === 'bookmark') {
      const metadata = clampMetadata(extractMetadata(doc, url));
      const title = (metadata.title || doc.title || url).slice(0, 1000);
      return { ok: true, page: { mode, url, title, markdown: '', metadata } };
    }
    const hasSelection = !!selection && selection.rangeCount > 0 && !selection.isCollapsed;
    const selectionEmpty = mode === 'selection' ? !hasSelection : undefined;
    const clip =
      mode === 'fullpage'
        ? clipFullPage(doc, url, images?.imageUrl)
        : mode === 'selection' && selection && hasSelection
          ? clipSelection(doc, selection, url, images?.imageUrl)
          : clipArticle(doc, url, images?.imageUrl);
    const title = (clip.title || doc.title || url).slice(0, 1000);
    const metadata = clampMetadata(clip.metadata);
    return { ok: true, page: { mode, url, title, markdown: clip.markdown, metadata, selectionEmpty } };
  } catch (error) {
    if (error instanceof ClipError) return { ok: false, reason: error.kind, bytes: error.bytes };
    return { ok: false, reason: 'unreadable' };
  }
}
