import type { Extraction, ExtractorName } from './extractors';
import type { PageFields } from './metadata-agreement';

/** Where the benchmark parses corpus pages and runs the extractors on them. */
export interface CorpusDom {
  /** Parses `html` as the page at `url` and runs one extractor on it, on a fresh parse. */
  extract(url: string, html: Buffer, name: ExtractorName): Promise<Extraction>;
  /** Parses `html` as the page at `url` and reads every extractor's title, byline and date (extractAllMetadata). */
  metadata(url: string, html: Buffer): Promise<Record<ExtractorName, PageFields>>;
  /** Pages the DOM could only parse after a change (jsdom: without their CSS). */
  readonly notes: string[];
  close(): Promise<void>;
}
