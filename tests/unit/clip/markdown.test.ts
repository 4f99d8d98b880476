import TurndownService from 'turndown';
import { htmlToMarkdown } from '../../../lib/clip/markdown';
import { escapeMarkdown } from '../../../lib/clip/markdown-text';
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

  it('keeps in-page anchors as text, footnote references as superscript numbers (footnotes.ts)', () => {
    const md = articleMarkdown();
    expect(md).toContain('and a local anchor.');
    expect(md).toMatch(/A claim with a footnote\.¹/);
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

describe('htmlToMarkdown whitespace and inline markup', () => {
  const md = (html: string) => htmlToMarkdown(parseHtml(`<body>${html}</body>`).body, { baseUrl: base });

  it('collapses whitespace as a browser renders it, across element edges', () => {
    expect(md('<p>  one\n\t two <b> three</b> <i>four </i> five  </p>')).toBe('one two **three** _four_ five');
    expect(md('<p>a<span> </span>b</p>')).toBe('a b');
  });

  it('moves edge whitespace out of emphasis and links', () => {
    expect(md('<p>a<em> b </em>c <a href="/x"> link </a>d</p>')).toBe('a _b_ c [link](https://example.com/x) d');
  });

  it('writes no markup around blocks, where it could not apply', () => {
    expect(md('<em><p>one</p><p>two</p></em>')).toBe('one\n\ntwo');
    expect(md('<a href="/card"><h3>Title</h3><p>Teaser</p></a>')).toBe('### Title\n\nTeaser');
    expect(md('<a href="/pic"><div><img src="/p.png" alt="p"></div></a>')).toBe('[![p](https://example.com/p.png)](https://example.com/pic)');
  });

  it('never indents a line into a code block with spaces left by dropped pictures', () => {
    const pixel = '<img src="/t.gif" width="1" height="1"> ';
    expect(md(`<p>${pixel.repeat(5)}text</p>`)).toBe('text');
    expect(md('<p><picture>\n<source srcset="/a.webp">\n<img src="/a.png" alt="a">\n</picture>\n<cite>Credit</cite></p>')).toBe(
      '![a](https://example.com/a.png) Credit',
    );
  });

  it('keeps hard breaks inside a block, not before a blank line', () => {
    expect(md('<p><strong>Name<br></strong>Place<br></p><p>Next</p>')).toBe('**Name**  \nPlace\n\nNext');
  });

  it('writes a heading on one line', () => {
    expect(md('<h2>Part<br>one</h2><h3> </h3>')).toBe('## Part one');
  });

  it('writes inline code with a fence longer than its backticks', () => {
    expect(md('<p>Run <code>a `b` c</code> and <code>``</code></p>')).toBe('Run ``a `b` c`` and ``` `` ```');
  });

  it('numbers ordered lists from their start and writes task checkboxes', () => {
    expect(md('<ol start="3"><li>three</li><li>four</li></ol>')).toBe('3.  three\n4.  four');
    expect(md('<ul><li><input type="checkbox" checked> done</li><li><input type="checkbox"> todo</li></ul>')).toBe('-   [x] done\n-   [ ] todo');
  });

  it('writes tables without a heading row, with spans and pipes, as GFM tables', () => {
    const table = md('<table><caption>Scores</caption><tr><td colspan="2">a | b</td></tr><tr><td>1</td><td>2</td></tr></table>');
    expect(table).toBe('Scores\n\n|     |     |\n| --- | --- |\n| a \\| b |     |\n| 1   | 2   |');
  });
});

describe('text escaping', () => {
  it('escapes exactly as Turndown does (plus "<" as an entity, "&" before an entity, a final "!"), also when it skips the replacements', () => {
    const turndown = new TurndownService();
    const ours = (escaped: string) =>
      escaped.replace(/!$/, '\\!').replace(/&(?=#?[a-z0-9]+;)/gi, '\\&').replace(/</g, '&lt;');
    const samples = [
      'plain words, with commas. And full stops', '- starts like a list', '+ plus item', '+no space', '== setext', 'a = b',
      '## heading', '####### seven', '#tag', '`code`', '~~~ fence', '~~ two', '[link]', 'a]b', '> quote', 'a > b', 'snake_case',
      '12. numbered', '12.5 percent', '1) paren', 'back\\slash', '2 * 3', '<img onerror=x>', 'a < b', 'ends with -', '',
      '&lt;b&gt;', '&#60;', '&amp; &', 'AT&T;',
    ];
    // Every printable ASCII character at the start, in the middle and at the end, alone and before ". ".
    for (let code = 32; code < 127; code++) {
      const c = String.fromCharCode(code);
      samples.push(c, `${c} x`, `x${c}y`, `${c}${c}${c} x`, `${c}. x`, `9${c} x`);
    }
    for (const text of samples) expect(escapeMarkdown(text), JSON.stringify(text)).toBe(ours(turndown.escape(text)));
  });
});
