// @vitest-environment node
// A clone alone must build, test and start: nothing the project runs may read the reference folder
// that sits beside some checkouts. This walks every tracked-type source file and fails on a path into it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SERVED_SPEC_V047_PATH, SPEC_PATH } from '../../sandbox/spec-schemas';
import { CORPUS_DIR } from '../../../bench/lib/corpus';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
// .e2e-profiles holds the browser profiles npm start and the e2e runs leave (with dangling lock links).
const SKIP = new Set(['node_modules', '.git', '.output', '.wxt', '.e2e-profiles', 'test-results', 'corpus', 'spec', 'docs', 'coverage', 'reports', '.stryker-tmp']);
const SOURCE = /\.(?:[cm]?[jt]sx?|json|ya?ml|sh)$|^run$/;

function* sources(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    if (SKIP.has(name)) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sources(path);
    else if (SOURCE.test(name) && name !== 'package-lock.json') yield path;
  }
}

describe('the repository stands alone', () => {
  it('no source file reaches outside the checkout for reference material', () => {
    // Built from parts so this file does not name the path it looks for.
    const outside = new RegExp(['\\.\\.', 'shared'].join('/'));
    const offenders = [...sources(ROOT)].filter((path) => outside.test(readFileSync(path, 'utf8')));
    expect(offenders.map((path) => relative(ROOT, path))).toEqual([]);
  });

  it('the spec and the corpus live inside the repository, with their licences', () => {
    for (const path of [SPEC_PATH, SERVED_SPEC_V047_PATH, join(SPEC_PATH, '..', 'LICENSE.md'), join(CORPUS_DIR, 'LICENSE')]) {
      expect(relative(ROOT, path).startsWith('..'), path).toBe(false);
      expect(statSync(path).size).toBeGreaterThan(0);
    }
    expect(readdirSync(join(CORPUS_DIR, 'html')).filter((n) => n.endsWith('.html.gz'))).toHaveLength(181);
  });
});
