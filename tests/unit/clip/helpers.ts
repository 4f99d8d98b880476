import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export function fixture(name: string): string {
  return readFileSync(join(__dirname, '..', '..', 'fixtures', 'clip', name), 'utf8');
}

/** Parses a fixture as the browser would load it (inert: DOMParser runs no script). */
export function loadDocument(name: string): Document {
  return new DOMParser().parseFromString(fixture(name), 'text/html');
}

export function parseHtml(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

/** `html` inside a detached page's root element, after `clean` has run on that root. */
export function cleanedWith(clean: (root: Element) => void, html: string): Element {
  const root = parseHtml(`<body><div id="root">${html}</div></body>`).getElementById('root')!;
  clean(root);
  return root;
}
