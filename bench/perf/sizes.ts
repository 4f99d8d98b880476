/**
 * Gzip size of each entrypoint of a built extension. An entrypoint's size is its own file plus every
 * chunk it imports statically (what the browser must fetch and parse before it runs), plus the CSS
 * the popup's HTML links. Sizes are gzip level 9, like a store's transfer encoding would be.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface EntrypointSize {
  name: string;
  files: string[];
  rawBytes: number;
  gzipBytes: number;
}

function gzipLength(path: string): number {
  return gzipSync(readFileSync(path), { level: 9 }).length;
}

/** Relative static imports (`import … from "./x.js"`, `import "./x.js"`, `export … from`); dynamic import() is lazy and not counted. */
function staticImports(code: string): string[] {
  const found: string[] = [];
  const re = /(?:^|[;\s}])(?:import|export)\s*(?:[\w*{}\s,$]+\s*from\s*)?["'](\.{1,2}\/[^"']+|\/[^"']+)["']/g;
  for (const m of code.matchAll(re)) found.push(m[1]!);
  return found;
}

/** `file` relative to the build root; follows static imports transitively. */
function closure(buildDir: string, entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    if (!file.endsWith('.js')) return;
    const code = readFileSync(join(buildDir, file), 'utf8');
    for (const spec of staticImports(code)) {
      const target = spec.startsWith('/') ? spec.slice(1) : posix.normalize(posix.join(posix.dirname(file), spec));
      if (existsSync(join(buildDir, target))) visit(target);
    }
  };
  visit(entry);
  return [...seen];
}

/** Scripts, module preloads and stylesheets an HTML entrypoint loads. */
function htmlAssets(buildDir: string, html: string): string[] {
  const text = readFileSync(join(buildDir, html), 'utf8');
  const refs = [
    ...[...text.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]!),
    ...[...text.matchAll(/<link[^>]*\shref="([^"]+)"/g)].map((m) => m[1]!),
  ];
  const base = dirname(html);
  const files = refs
    .filter((r) => !/^[a-z]+:/i.test(r))
    .map((r) => (r.startsWith('/') ? r.slice(1) : posix.normalize(posix.join(base, r))));
  return [...new Set(files.flatMap((f) => closure(buildDir, f)))];
}

function measure(buildDir: string, name: string, files: string[]): EntrypointSize {
  const unique = [...new Set(files)].sort();
  return {
    name,
    files: unique,
    rawBytes: unique.reduce((sum, f) => sum + readFileSync(join(buildDir, f)).length, 0),
    gzipBytes: unique.reduce((sum, f) => sum + gzipLength(join(buildDir, f)), 0),
  };
}

export function entrypointSizes(buildDir: string): EntrypointSize[] {
  if (!existsSync(join(buildDir, 'manifest.json'))) throw new Error(`No build at ${buildDir}`);
  const out: EntrypointSize[] = [];
  const js = (name: string, file: string) => {
    if (existsSync(join(buildDir, file))) out.push(measure(buildDir, name, closure(buildDir, file)));
  };
  const html = (name: string, file: string) => {
    if (existsSync(join(buildDir, file))) out.push(measure(buildDir, name, htmlAssets(buildDir, file)));
  };
  js('background', 'background.js');
  js('clipper (injected)', 'clipper.js');
  html('popup', 'popup.html');
  html('options', 'options.html');
  return out;
}
