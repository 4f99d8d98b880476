import { clipFullPage, clipSelection, ClipError, MAX_PAGE_TEXT_BYTES as MAX_MARKDOWN_BYTES } from '../../../lib/clip/index';
import { JSDOM } from 'jsdom';
import { parseHtml } from './helpers';

/** happy-dom's Range.cloneContents loses nodes across element boundaries; jsdom implements Range per spec. */
function jsdomDocument(html: string): Document {
  return new JSDOM(html).window.document;
}

function selectionOf(...ranges: Range[]): Selection {
  return { rangeCount: ranges.length, getRangeAt: (i: number) => ranges[i]! } as unknown as Selection;
}

describe('clipSelection', () => {
  const url = 'https://example.com/page';

  it('joins every range, each as its own block', () => {
    const doc = jsdomDocument('<p id="a">First paragraph.</p><p>skip me</p><p id="b">Second <a href="/x">link</a>.</p>');
    const r1 = doc.createRange();
    r1.selectNodeContents(doc.getElementById('a')!);
    const r2 = doc.createRange();
    r2.selectNodeContents(doc.getElementById('b')!);
    const { markdown } = clipSelection(doc, selectionOf(r1, r2), url);
    expect(markdown).toBe('First paragraph.\n\nSecond [link](https://example.com/x).');
  });

  it('keeps the table and code context of a partial selection', () => {
    const doc = jsdomDocument('<table><tr><th>k</th><th>v</th></tr><tr id="r"><td>a</td><td>1</td></tr></table><pre class="language-js"><code id="c">let a = 1;</code></pre>');
    const rows = doc.createRange();
    rows.setStartBefore(doc.querySelector('tr')!);
    rows.setEndAfter(doc.getElementById('r')!);
    const code = doc.createRange();
    code.selectNodeContents(doc.getElementById('c')!);
    const { markdown } = clipSelection(doc, selectionOf(rows, code), url);
    expect(markdown).toMatch(/^\| k\s+\| v\s+\|$/m);
    expect(markdown).toMatch(/^\| a\s+\| 1\s+\|$/m);
    expect(markdown).toContain('```js\nlet a = 1;\n```');
  });

  it('refuses an empty selection', () => {
    const doc = parseHtml('<p>x</p>');
    expect(() => clipSelection(doc, selectionOf(), url)).toThrow(ClipError);
  });
});

describe('clipFullPage', () => {
  it('keeps the body and drops navigation and scripts', () => {
    const doc = parseHtml('<body><nav><a href="/">Home</a></nav><h1>Title</h1><p>Body text.</p><script>x()</script><footer>f</footer></body>');
    const { markdown } = clipFullPage(doc, 'https://example.com/');
    expect(markdown).toBe('# Title\n\nBody text.');
  });

  it('refuses a page whose markdown exceeds the cap with kind too_large', () => {
    const doc = parseHtml('<p id="p"></p>');
    doc.getElementById('p')!.textContent = 'word '.repeat(MAX_MARKDOWN_BYTES / 4);
    try {
      clipFullPage(doc, 'https://example.com/');
      expect.unreachable('should have thrown');
    } catch (error) {
      expect(error).toBeInstanceOf(ClipError);
      expect((error as ClipError).kind).toBe('too_large');
    }
  });
});
