/** Loads the article-extraction-benchmark corpus kept in bench/corpus (see its README for licence and origin). */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

export interface CorpusPage {
  id: string;
  url: string;
  truth: string;
  /** Raw bytes; the corpus stores every page as UTF-8 (some declare no charset, so decode as UTF-8 rather than sniff). */
  html: Buffer;
}

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CORPUS_DIR = join(repoRoot, 'bench', 'corpus', 'article-extraction-benchmark');

export function loadCorpus(dir = CORPUS_DIR): CorpusPage[] {
  const truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<
    string,
    { articleBody?: string; url?: string }
  >;
  const pages: CorpusPage[] = [];
  for (const file of readdirSync(join(dir, 'html')).sort()) {
    if (!file.endsWith('.html.gz')) continue;
    const id = file.slice(0, -'.html.gz'.length);
    const gt = truth[id];
    if (!gt) continue;
    pages.push({
      id,
      url: gt.url ?? 'https://example.invalid/',
      truth: gt.articleBody ?? '',
      html: gunzipSync(readFileSync(join(dir, 'html', file))),
    });
  }
  return pages;
}
