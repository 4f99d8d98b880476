/**
 * The clipper's body when a clip is saved (the popup's preview skips it): capture the page, then
 * inline the images Anytype Desktop could not fetch itself. Runs in the page's isolated world so
 * the image requests carry the page's cookies and Referer; bounded in time by the inliner.
 */
import { createImageInliner, type FetchLike, type ImageInliner } from '../clip';
import { capturePage } from './capture-page';
import type { CaptureResult, PageMode } from './schema';

export async function captureWithImages(
  doc: Document,
  selection: Selection | null,
  mode: PageMode,
  fetchFn: FetchLike,
): Promise<CaptureResult> {
  let images: ImageInliner;
  try {
    images = createImageInliner(doc.URL, fetchFn);
  } catch {
    return capturePage(doc, selection, mode); // a page URL without an origin (about:srcdoc…): links only
  }
  const result = capturePage(doc, selection, mode, images);
  if (!result.ok) return result;
  return { ok: true, page: { ...result.page, markdown: await images.inline(result.page.markdown) } };
}
