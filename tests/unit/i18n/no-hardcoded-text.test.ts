// @vitest-environment node
// Every visible string and accessible name comes from locales/: in components/ this finds JSX text
// with letters in it, and text attributes (labels, placeholders, aria-labels) given as literals; in
// lib/ and entrypoints/ (messages, headings, names the background makes up) quoted sentences.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const COMPONENTS = join(ROOT, 'components');

function sourceFiles(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path, pattern);
    return pattern.test(entry.name) ? [path] : [];
  });
}
const tsxFiles = (dir: string) => sourceFiles(dir, /\.tsx$/);

/**
 * Quoted capitalised words in lib/ that nobody reads as text of this extension, each with its reason.
 * Anything else found there is a sentence to move into the locales.
 */
const NOT_TEXT: Record<string, { strings: string[] | 'file'; why: string }> = {
  'lib/anytype/errors.ts': { strings: 'file', why: 'English fallback where there is no browser i18n (Node); a test holds it equal to en.yml' },
  'lib/anytype/transport.ts': {
    strings: [
      "'Anytype URL is not a valid URL'",
      "'Anytype URL must use http'",
      "'Anytype URL must point to this computer (127.0.0.1 or localhost)'",
      "'Anytype URL must be only scheme, host and port'",
      '`Bearer ${secret}`',
    ],
    why: 'an HTTP header, and guards for a programming error: every stored URL passed LOOPBACK_URL first',
  },
  'lib/protocol/redact.ts': { strings: ["'Bearer [redacted]'"], why: 'an HTTP header, redacted' },
  'lib/settings/connections.ts': { strings: ["'Anytype Desktop'"], why: 'a product name' },
  'lib/settings/defaults.ts': { strings: ["'Clip to Anytype'"], why: 'the product name' },
};

function codeFindings(path: string, source: string): string[] {
  const allowed = NOT_TEXT[path];
  if (allowed?.strings === 'file') return [];
  const code = source.replace(/^\s*\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^import .*$/gm, '');
  return [...code.matchAll(SENTENCE)].map((match) => match[0]).filter((text) => !allowed?.strings.includes(text));
}

const TEXT_ATTRIBUTE = /\b(aria-label|placeholder|title|alt|label|emptyLabel|submitLabel)="([^"]*[A-Za-z][^"]*)"/g;
// Text between a tag's end and the next tag or expression: `>Save<`, `>\n  Save\n</`; not the `>`
// of an arrow (`=> Promise<T>`, `=> \`id-${n}\``).
const JSX_TEXT = /(?<!=)>([^<>{}]*[A-Za-z][^<>{}]*)(?=[<{])/g;
// Sentences in code (`c.hasKey ? 'API key kept' : …`): quoted, capitalised words. Keys, ids and
// CSS classes are lower case.
const KEY_NAME = /^(Enter|Escape|Tab|Backspace|Delete|Home|End|Arrow(Up|Down|Left|Right))$/;
const SENTENCE = /(['"`])([A-Z][a-z]+(?:[ ,.:…][^'"`\n]*)?)\1/g;

function findings(source: string): string[] {
  // Comments are not shown to anyone.
  const code = source.replace(/\{\/\*[\s\S]*?\*\/\}/g, '').replace(/^\s*\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '');
  const found: string[] = [];
  for (const match of code.matchAll(TEXT_ATTRIBUTE)) found.push(`${match[1]}="${match[2]}"`);
  // Attributes were reported above; imports name modules.
  const rest = code.replace(/^import .*$/gm, '').replace(TEXT_ATTRIBUTE, '');
  for (const match of rest.matchAll(SENTENCE)) {
    // Key names (`event.key === 'Enter'`) are code, not text.
    if (!KEY_NAME.test(match[2] ?? '')) found.push(match[0]);
  }
  for (const match of code.matchAll(JSX_TEXT)) {
    const text = match[1]?.trim() ?? '';
    // Generics, arrows and comparisons (`useState<Panel>(x)`, `=> x`, `a > b ? c`) are not JSX text.
    if (text && !/[;=()?]/.test(text)) found.push(text);
  }
  return found;
}

const findingsOf = (path: string) => findings(readFileSync(join(ROOT, path), 'utf8'));

describe('components, lib and entrypoints take their text from the locale files', () => {
  it.each(tsxFiles(COMPONENTS).map((path) => relative(ROOT, path)))('%s', (path) => {
    expect(findings(readFileSync(join(ROOT, path), 'utf8'))).toEqual([]);
  });

  it.each(
    [...sourceFiles(join(ROOT, 'lib'), /\.tsx?$/), ...sourceFiles(join(ROOT, 'entrypoints'), /\.ts$/)].map((path) => relative(ROOT, path)),
  )('%s', (path) => {
    const findings = path.endsWith('.tsx') ? findingsOf(path) : codeFindings(path, readFileSync(join(ROOT, path), 'utf8'));
    expect(findings).toEqual([]);
  });

  it('the lib scan finds a sentence in code, even in a template', () => {
    expect(codeFindings('lib/x.ts', "throw new ClipError('empty', 'Nothing is selected on the page.');\nconst h = `From ${link}`;")).toEqual([
      "'Nothing is selected on the page.'",
      '`From ${link}`',
    ]);
    expect(codeFindings('lib/protocol/redact.ts', "const a = 'Bearer [redacted]';")).toEqual([]);
  });

  it('the scan itself finds a literal label and JSX text', () => {
    expect(findings(`<label for="x">Title</label><input placeholder="Type here" /><p>{ok ? 'All good' : ''}</p>`)).toEqual([
      'placeholder="Type here"',
      "'All good'",
      'Title',
    ]);
    expect(findings('const f = (x: number) => Promise<number>;\nconst id = (i: number) => `tag-${i}`;')).toEqual([]);
  });
});
