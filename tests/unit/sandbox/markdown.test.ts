// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { pasteMarkdown, snippetOf } from '../../sandbox/markdown';

describe('paste path', () => {
  it('drops raw HTML tags but keeps their text, code and inline code', () => {
    const md = '<p>Hello <em>world</em></p>\n\n`<b>kept</b>`\n\n```html\n<div>kept</div>\n```\n';
    expect(pasteMarkdown(md)).toBe('Hello world\n\n`<b>kept</b>`\n\n```html\n<div>kept</div>\n```\n');
  });

  it('keeps headings, lists, tables and quotes', () => {
    const md = '# T\n\n- a\n- b\n\n1. one\n\n| x | y |\n|---|---|\n| 1 | 2 |\n\n> quote\n';
    expect(pasteMarkdown(md)).toBe(md);
  });

  it('splits paragraphs longer than 1,024 characters near the limit', () => {
    const words = Array.from({ length: 400 }, (_, i) => `word${i}`).join(' ');
    const blocks = pasteMarkdown(words).split('\n\n');
    expect(blocks.length).toBeGreaterThan(1);
    for (const b of blocks) expect(b.length).toBeLessThanOrEqual(1024);
    expect(blocks.join(' ')).toBe(words);
  });

  it('keeps an inlined image whole however long it is, splitting only the text around it', () => {
    const image = `![A heron in the shallows](data:image/png;base64,${'iVBORw0KGgo'.repeat(400)})`;
    const words = Array.from({ length: 300 }, (_, i) => `word${i}`).join(' ');
    const blocks = pasteMarkdown(`${words} ${image} tail`).split('\n\n');
    expect(blocks).toContain(image);
    expect(blocks.at(-1)).toBe('tail');
    for (const b of blocks) if (b !== image) expect(b.length).toBeLessThanOrEqual(1024);
    expect(pasteMarkdown(image)).toBe(image);
  });

  it('makes a plain-text snippet', () => {
    expect(snippetOf('# Title\n\n- item\n')).toBe('Title item');
  });
});
