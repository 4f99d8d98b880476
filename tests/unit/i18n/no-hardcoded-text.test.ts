// @vitest-environment node
// Every visible string and accessible name in components/ comes from locales/: this finds JSX text
// with letters in it, and text attributes (labels, placeholders, aria-labels) given as literals.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const COMPONENTS = join(ROOT, 'components');

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsxFiles(path);
    return entry.name.endsWith('.tsx') ? [path] : [];
  });
}

const TEXT_ATTRIBUTE = /\b(aria-label|placeholder|title|alt|label|emptyLabel|submitLabel)="([^"]*[A-Za-z][^"]*)"/g;
// Text between a tag's end and the next tag or expression: `>Save<`, `>\n  Save\n</`.
const JSX_TEXT = />([^<>{}]*[A-Za-z][^<>{}]*)(?=[<{])/g;
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

describe('components take their text from the locale files', () => {
  it.each(tsxFiles(COMPONENTS).map((path) => relative(ROOT, path)))('%s', (path) => {
    expect(findings(readFileSync(join(ROOT, path), 'utf8'))).toEqual([]);
  });

  it('the scan itself finds a literal label and JSX text', () => {
    expect(findings(`<label for="x">Title</label><input placeholder="Type here" /><p>{ok ? 'All good' : ''}</p>`)).toEqual([
      'placeholder="Type here"',
      "'All good'",
      'Title',
    ]);
  });
});
