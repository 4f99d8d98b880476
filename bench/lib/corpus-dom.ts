import type { Extraction, ExtractorName } from './extractors';
import type { PageFields } from './metadata-agreement';
import type { RewriteName } from './rewrites';

/** A content-preserving rewrite of the page's article (rewrites.ts), made before the extractor runs and outside its timer. */
export interface PageRewrite {
  name: RewriteName;
  /** The page's ground truth, which finds its article. */
  truth: string;
}

/** Where the benchmark parses corpus pages and runs the extractors on them. */
export interface CorpusDom {
  /**
   * Parses `html` as the page at `url` and runs one extractor on it, on a fresh parse; with
   * `rewrite`, on the rewritten page, or undefined when the rewrite does not apply to it.
   */
  extract(url: string, html: Buffer, name: ExtractorName, rewrite?: PageRewrite): Promise<Extraction | undefined>;
  /** Parses `html` as the page at `url` and reads every extractor's title, byline and date (extractAllMetadata). */
  metadata(url: string, html: Buffer): Promise<Record<ExtractorName, PageFields>>;
  /** Pages the DOM could only parse after a change (jsdom: without their CSS). */
  readonly notes: string[];
  close(): Promise<void>;
}
