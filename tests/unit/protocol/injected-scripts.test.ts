// @vitest-environment node
/**
 * The scripts the background injects into tabs: the names they share with it are written once,
 * and the clipper has no way to message the background (it answers through executeScript's
 * result), which is why no sender class exists for it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { INJECTED } from '../../../lib/protocol/injected-globals';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
const OWNER = 'lib/protocol/injected-globals.ts';

function* sources(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sources(path);
    else if (/\.tsx?$/.test(name)) yield path;
  }
}

/** Bundles an injected entrypoint as WXT would (its globals and browser modules left out). */
async function bundle(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [join(ROOT, entry)],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    external: ['#i18n', 'wxt/*', 'webextension-polyfill'],
    logLevel: 'silent',
  });
  return result.outputFiles.map((file) => file.text).join('\n');
}

describe('injected scripts', () => {
  it('spell the names they share with the background only through INJECTED', () => {
    const names = new RegExp(Object.values(INJECTED).join('|'));
    const offenders: string[] = [];
    for (const dir of ['lib', 'entrypoints', 'components']) {
      for (const path of sources(join(ROOT, dir))) {
        const file = relative(ROOT, path);
        if (file !== OWNER && names.test(readFileSync(path, 'utf8'))) offenders.push(file);
      }
    }
    expect(offenders).toEqual([]);
    expect(new Set(Object.values(INJECTED)).size).toBe(Object.keys(INJECTED).length);
  });

  it('the clipper cannot message the background; the panel can (so the check sees it)', async () => {
    const messaging = /\bsendMessage\b|\bruntime\.connect\b|\bonMessage\b|from ["']wxt\/browser["']|webextension-polyfill/;
    const clipper = await bundle('entrypoints/clipper.ts');
    expect(clipper.length).toBeGreaterThan(10_000);
    expect(clipper.match(messaging)?.[0]).toBeUndefined();
    expect(await bundle('entrypoints/panel/index.tsx')).toMatch(messaging);
  });
});
