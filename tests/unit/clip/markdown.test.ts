import TurndownService from 'turndown';
import { createConverter, htmlToMarkdown } from '../../../lib/clip/markdown';
import { loadDocument, parseHtml } from './helpers';

const base = 'https://example.com/blog/';

function articleMarkdown(): string {
  const doc = loadDocument('article-rich.html');
  return htmlToMarkdown(doc.querySelector('article')!, { baseUrl: base });
}

describe('htmlToMarkdown', () => {
  it('writes headings, emphasis and quotes', () => {
    const md = articleMarkdown();
    expect(md).toMatch(/^# How to write rich articles$/m);
    expect(md).toMatch(/^## Tables$/m);
    expect(md).toContain('> A quotation, with _emphasis_ and **strength**.');
  });

  it('writes GFM tables, flattening blocks inside cells', () => {
    const md = articleMarkdown();
    expect(md).toMatch(/^\| Engine \| Score \|$/m);
    expect(md).toMatch(/^\| --- \| --- \|$/m);
    expect(md).toMatch(/^\| Alpha \| 0\.95 \|$/m);
    expect(md).toMatch(/^\| Beta\s+with a block \| 0\.90 \|$/m);
    expect(md).not.toMatch(/<\/?(table|tr|td|p|br|div)\b/i);
  });

  it('unwraps layout tables instead of emitting HTML', () => {
    const doc = parseHtml('<table><tr><td><table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table></td></tr></table>');
    const md = htmlToMarkdown(doc.body, { baseUrl: base });
    expect(md).toMatch(/^\| A\s+\| B\s+\|$/m);
    expect(md).toMatch(/^\| 1\s+\| 2\s+\|$/m);
    expect(md).not.toContain('<');
  });

  it('fences code with the language from class names and data-lang', () => {
    const md = articleMarkdown();
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the fixture's TypeScript contains a template literal
    expect(md).toContain('```typescript\nconst x: number = 1;\nconsole.log(`x is ${x}`);\n```');
    expect(md).toContain('```python\nprint("hello")\n```');
    expect(md).toContain('```rust\nfn main() {}\n```');
    expect(md).toContain('```go\npackage main\n```');
  });

  it('uses a longer fence when the code contains backticks', () => {
    const doc = parseHtml('<pre><code>```\nnested\n```</code></pre>');
    expect(htmlToMarkdown(doc.body, { baseUrl: base })).toBe('````\n```\nnested\n```\n````');
  });

  it('keeps nested lists nested', () => {
    const md = articleMarkdown();
    expect(md).toMatch(/^-\s+First item$/m);
    expect(md).toMatch(/^ {4}-\s+Nested item one$/m);
    expect(md).toMatch(/^ {8}1\.\s+Deep ordered$/m);
    expect(md).toMatch(/^-\s+Second item$/m);
  });

  it('makes links and images absolute against the base', () => {
    const md = articleMarkdown();
    expect(md).toContain('[the guide](https://example.com/docs/guide.html)');
    expect(md).toContain('[another site](https://other.example.org/page)');
    expect(md).toContain('![A photo](https://example.com/blog/images/photo.png)');
    expect(md).toContain('The caption of the photo.');
  });

  it('keeps in-page anchors and footnotes as text', () => {
    const md = articleMarkdown();
    expect(md).toContain('and a local anchor.');
    expect(md).toMatch(/A claim with a footnote\.\\\[1\\\]/);
    expect(md).toContain('The footnote text itself.');
    expect(md).not.toContain('#fn1');
  });

  it('resolves lazy images from data-src and srcset', () => {
    const md = articleMarkdown();
    expect(md).toContain('![Lazy one](https://example.com/lazy/real.jpg)');
    expect(md).toContain('![Responsive](https://example.com/s/large.jpg)');
  });

  it('drops dangerous schemes from links and images but keeps link text', () => {
    const md = articleMarkdown();
    for (const text of ['a bad link', 'a sneaky one', 'a vb link', 'a file link', 'a data link']) {
      expect(md).toContain(text);
      expect(md).not.toContain(`[${text}]`);
    }
    expect(md).not.toMatch(/javascript:|vbscript:|file:|data:text/i);
    expect(md).not.toContain('bad image');
    expect(md).not.toContain('svg data');
  });

  it('keeps data: raster images', () => {
    const doc = parseHtml('<p><img src="data:image/png;base64,iVBORw0KGgo=" alt="dot"></p>');
    expect(htmlToMarkdown(doc.body, { baseUrl: base })).toBe('![dot](data:image/png;base64,iVBORw0KGgo=)');
  });

  it('drops unknown elements to their text and removes scripts', () => {
    const doc = parseHtml('<custom-el>inside <blink>blink</blink></custom-el><script>evil()</script><p>after</p>');
    const md = htmlToMarkdown(doc.body, { baseUrl: base });
    expect(md).toBe('inside blink\n\nafter');
  });
});

describe('text escaping', () => {
  it('escapes exactly as Turndown does (plus "<"), also when it skips the replacements', () => {
    const ours = createConverter({ baseUrl: 'https://example.com/' });
    const turndown = new TurndownService();
    const samples = [
      'plain words, with commas. And full stops', '- starts like a list', '+ plus item', '+no space', '== setext', 'a = b',
      '## heading', '####### seven', '#tag', '`code`', '~~~ fence', '~~ two', '[link]', 'a]b', '> quote', 'a > b', 'snake_case',
      '12. numbered', '12.5 percent', '1) paren', 'back\\slash', '2 * 3', '<img onerror=x>', 'a < b', 'ends with -', '',
    ];
    // Every printable ASCII character at the start, in the middle and at the end, alone and before ". ".
    for (let code = 32; code < 127; code++) {
      const c = String.fromCharCode(code);
      samples.push(c, `${c} x`, `x${c}y`, `${c}${c}${c} x`, `${c}. x`, `9${c} x`);
    }
    for (const text of samples) expect(ours.escape(text), JSON.stringify(text)).toBe(turndown.escape(text).replace(/</g, '\\<'));
  });
});
