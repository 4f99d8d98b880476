/**
 * The extraction benchmark's page side, bundled by bench/lib/chromium-corpus.ts and evaluated in
 * each corpus page, the way the clip script is injected into a page: fresh, once per clip.
 */
import type { PageRewrite } from '../lib/corpus-dom';
import { type ExtractorName, extract, extractAllMetadata } from '../lib/extractors';
import { rewritePage } from '../lib/rewrites';

(globalThis as unknown as { __extract(name: ExtractorName, rewrite?: PageRewrite): unknown }).__extract = (name, rewrite) => {
  if (rewrite && !rewritePage(document, rewrite.truth, rewrite.name)) return undefined;
  return extract(name, document, location.href);
};
(globalThis as unknown as { __metadata(): unknown }).__metadata = () => extractAllMetadata(document, location.href);
