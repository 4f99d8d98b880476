/**
 * The extraction benchmark's page side, bundled by bench/lib/chromium-corpus.ts and evaluated in
 * each corpus page, the way the clip script is injected into a page: fresh, once per clip.
 */
import { type ExtractorName, extract, extractAllMetadata } from '../lib/extractors';

(globalThis as unknown as { __extract(name: ExtractorName): unknown }).__extract = (name) => extract(name, document, location.href);
(globalThis as unknown as { __metadata(): unknown }).__metadata = () => extractAllMetadata(document, location.href);
