/**
 * Corpus pages in jsdom (`--dom jsdom`): parse5, a spec-conformant HTML parser, builds the same
 * tree as a browser (the per-page scores match Chromium's), but the DOM itself is JavaScript, so
 * its timings weigh DOM calls far more than a browser does. Kept to compare with earlier runs and
 * to see how the pipeline fares where DOM calls are dear. Parsing is not timed.
 */
import { JSDOM, VirtualConsole } from 'jsdom';
import type { CorpusDom, PageRewrite } from './corpus-dom';
import { type Extraction, type ExtractorName, extract, extractAllMetadata } from './extractors';
import { rewritePage } from './rewrites';

/** Extractors log their own parse trouble (bad JSON-LD, retries); that would drown the table. */
function silenceConsole(): () => void {
  const saved = { log: console.log, warn: console.warn, error: console.error, info: console.info };
  const quiet = () => {};
  Object.assign(console, { log: quiet, warn: quiet, error: quiet, info: quiet });
  return () => Object.assign(console, saved);
}

export function openJsdomCorpus(): CorpusDom {
  const notes: string[] = [];
  const virtualConsole = new VirtualConsole(); // page CSS/script errors are noise here
  // jsdom's style engine throws from its own callbacks on some page CSS (css-tree parse errors);
  // that is the page's CSS, not the extractor.
  const ignore = (error: Error) => notes.push(`uncaught in jsdom: ${error.message.split('\n')[0]}`);
  process.on('uncaughtException', ignore);

  /** A page whose CSS jsdom cannot parse (SCSS left in a style sheet) is parsed again without it. */
  function parsePage(html: string, url: string): JSDOM {
    try {
      return new JSDOM(html, { url, contentType: 'text/html', virtualConsole });
    } catch {
      notes.push(`parsed without CSS (jsdom could not parse it): ${url}`);
      const withoutCss = html.replace(/<style[\s\S]*?<\/style>/gi, '').replace(/\sstyle=("[^"]*"|'[^']*')/gi, '');
      return new JSDOM(withoutCss, { url, contentType: 'text/html', virtualConsole });
    }
  }

  return {
    notes,
    async extract(url: string, html: Buffer, name: ExtractorName, rewrite?: PageRewrite): Promise<Extraction | undefined> {
      const dom = parsePage(html.toString('utf8'), url);
      const restore = silenceConsole();
      try {
        if (rewrite && !rewritePage(dom.window.document, rewrite.truth, rewrite.name)) return undefined;
        return extract(name, dom.window.document, url);
      } finally {
        restore();
        dom.window.close();
      }
    },
    async metadata(url, html) {
      const dom = parsePage(html.toString('utf8'), url);
      const restore = silenceConsole();
      try {
        return extractAllMetadata(dom.window.document, url);
      } finally {
        restore();
        dom.window.close();
      }
    },
    async close() {
      process.off('uncaughtException', ignore);
    },
  };
}
