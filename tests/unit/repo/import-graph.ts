/**
 * The repository's import graph, read from the source text: which file imports which, resolved to
 * repository paths, and whether an import can carry code (type-only imports are erased). The
 * boundary rules (boundaries.test.ts) are checked over it; it works on any file set, so a test can
 * hand it a fake one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';

export interface ImportEdge {
  from: string;
  /** The repository path it resolves to, or the bare specifier of a package. */
  to: string;
  specifier: string;
  /** False for `import type` / `export type`: nothing of the target reaches the bundle. */
  runtime: boolean;
  /** True when `to` is a file of the set (not a package or an alias like `#i18n`). */
  local: boolean;
}

/** Repository-relative path → source text. */
export type FileSet = ReadonlyMap<string, string>;

const SOURCE = /\.(?:tsx?|mjs|js)$/;
const EXTENSIONS = ['', '.ts', '.tsx', '.mjs', '.js', '.d.mts', '/index.ts', '/index.tsx'];
const ROOT_ALIASES = ['@@/', '~~/', '@/', '~/'];

// `import x from '…'`, `import { type a, b } from '…'`, `export * from '…'`, over several lines:
// the clause holds no quotes or semicolons, so it cannot run into the next statement.
const FROM = /\b(import|export)\s+(type\s+)?([^;'"`]*?)\s*from\s*['"]([^'"]+)['"]/g;
const BARE = /\bimport\s*['"]([^'"]+)['"]/g;
const DYNAMIC = /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g;

function stripComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
}

/** Every import of one file, as written. */
export function importsOf(source: string): Array<{ specifier: string; runtime: boolean }> {
  const code = stripComments(source);
  const found: Array<{ specifier: string; runtime: boolean }> = [];
  for (const m of code.matchAll(FROM)) {
    const clause = m[3] ?? '';
    // `import { type A, type B } from` is erased too; one plain name keeps it.
    const names = /^\{([^}]*)\}$/.exec(clause.trim())?.[1];
    const allTyped = names?.split(',').map((n) => n.trim()).filter(Boolean).every((n) => /^type\s/.test(n)) === true;
    found.push({ specifier: m[4] ?? '', runtime: !m[2] && !allTyped });
  }
  for (const m of code.matchAll(BARE)) found.push({ specifier: m[1] ?? '', runtime: true });
  for (const m of code.matchAll(DYNAMIC)) found.push({ specifier: m[1] ?? '', runtime: true });
  return found;
}

function resolve(from: string, written: string, files: FileSet): { to: string; local: boolean } {
  // `./style.css?inline` is the file `./style.css` for Vite.
  const specifier = written.replace(/\?.*$/, '');
  const alias = ROOT_ALIASES.find((prefix) => specifier.startsWith(prefix));
  const base = alias ? specifier.slice(alias.length) : specifier.startsWith('.') ? posix.join(posix.dirname(from), specifier) : undefined;
  if (base === undefined) return { to: specifier, local: false };
  for (const extension of EXTENSIONS) {
    if (files.has(base + extension)) return { to: base + extension, local: true };
  }
  // A relative import that names no file of the set: reported, so a rule cannot be dodged by a path the graph misses.
  return { to: base, local: false };
}

export function importGraph(files: FileSet): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const [from, source] of files) {
    if (!SOURCE.test(from)) continue;
    for (const { specifier, runtime } of importsOf(source)) {
      edges.push({ from, specifier, runtime, ...resolve(from, specifier, files) });
    }
  }
  return edges;
}

/** Relative or aliased imports the graph could not resolve to a file (each is a blind spot). */
export function unresolved(edges: ImportEdge[]): ImportEdge[] {
  return edges.filter((e) => !e.local && (e.specifier.startsWith('.') || ROOT_ALIASES.some((prefix) => e.specifier.startsWith(prefix))));
}

export interface Boundary {
  /** Path prefixes (folders end with `/`) the rule applies to. */
  from: string[];
  /** Path prefixes (or package names) they may not import. */
  forbidden: string[];
  /** Also through other files (runtime imports only): for code that must not carry what it reaches. */
  transitive: boolean;
  why: string;
}

export interface Violation {
  file: string;
  /** The chain of imports from `file` to the forbidden one. */
  path: string[];
  why: string;
}

const under = (path: string, prefixes: string[]) => prefixes.some((prefix) => path === prefix || path.startsWith(prefix));

export function violations(edges: ImportEdge[], rules: Boundary[]): Violation[] {
  const out = new Map<string, ImportEdge[]>();
  for (const edge of edges) out.set(edge.from, [...(out.get(edge.from) ?? []), edge]);
  const found: Violation[] = [];
  for (const rule of rules) {
    for (const file of out.keys()) {
      if (!under(file, rule.from)) continue;
      if (!rule.transitive) {
        for (const edge of out.get(file) ?? []) {
          if (under(edge.to, rule.forbidden) && !under(edge.to, rule.from)) found.push({ file, path: [file, edge.to], why: rule.why });
        }
        continue;
      }
      // Breadth-first over runtime imports, keeping how each file was reached.
      const via = new Map<string, string[]>([[file, [file]]]);
      const queue = [file];
      while (queue.length > 0) {
        const current = queue.shift()!;
        for (const edge of out.get(current) ?? []) {
          if (!edge.runtime || via.has(edge.to)) continue;
          const path = [...via.get(current)!, edge.to];
          via.set(edge.to, path);
          if (under(edge.to, rule.forbidden)) found.push({ file, path, why: rule.why });
          else if (edge.local) queue.push(edge.to);
        }
      }
    }
  }
  return found;
}

/** The repository's files under the given folders, read from disk. */
export function readFileSet(root: string, folders: string[]): FileSet {
  const files = new Map<string, string>();
  const walk = (relative: string) => {
    for (const entry of readdirSync(join(root, relative), { withFileTypes: true })) {
      const path = posix.join(relative, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (SOURCE.test(entry.name) || /\.(?:d\.mts|css)$/.test(entry.name)) files.set(path, readFileSync(join(root, path), 'utf8'));
    }
  };
  for (const folder of folders) walk(folder);
  return files;
}
