import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markdownTree } from '../../../lib/preview/markdown-tree';
import { PREVIEW_TAGS, type PreviewElement, type PreviewNode } from '../../../lib/preview/tree';
import { HTML_PAYLOADS, hostileMarkdown } from './hostile-markdown';
import { readText, walk } from './tree-walk';

const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

/** The tree as a compact outline: `tag(children)`, text quoted, links and pictures with what they carry. */
function outline(nodes: PreviewNode[]): string {
  return nodes
    .map((node) => {
      switch (node.kind) {
        case 'text':
          return JSON.stringify(node.text);
        case 'element':
          return `${node.tag}${node.start ? `[${node.start}]` : ''}(${outline(node.children)})`;
        case 'link':
          return `a[${node.href}](${outline(node.children)})`;
        default:
          return `img[${node.thumbnail ? 'thumbnail' : `placeholder ${node.host ?? '-'}`}: ${node.alt}]`;
      }
    })
    .join(' ');
}

const elements = (nodes: PreviewNode[]) => [...walk(nodes)].filter((n): n is PreviewElement => n.kind === 'element');

describe('the preview tree of a clip’s Markdown', () => {
  it('keeps the blocks our converter writes: headings, lists, quotes, code, tables, breaks', () => {
    const md = [
      '# One',
      'Two\n---',
      '###### Six ######',
      '- a\n  - nested\n- b',
      '3. three\n4. four',
      '> quoted *and* **strong** ~~gone~~ `code`',
      '```python\ndef f():\n\n    return 1\n```',
      '    indented',
      '| Pool | Peak |\n| :-- | --: |\n| North | 19.5 °C |',
      'line  \nbreak',
      '***',
    ].join('\n\n');
    expect(outline(markdownTree(md))).toBe(
      [
        'h1("One")',
        'h2("Two")',
        'h6("Six")',
        'ul(li(p("a") ul(li(p("nested")))) li(p("b")))',
        'ol[3](li(p("three")) li(p("four")))',
        'blockquote(p("quoted " em("and") " " strong("strong") " " del("gone") " " code("code")))',
        'pre(code("def f():\\n\\n    return 1"))',
        'pre(code("indented"))',
        'table(thead(tr(th("Pool") th("Peak"))) tbody(tr(td("North") td("19.5 °C"))))',
        'p("line" br() "\\nbreak")',
        'hr()',
      ].join(' '),
    );
  });

  it('links only to web addresses; any other link is its text', () => {
    const md =
      '[web](https://a.example/x) [js](javascript:alert(1)) [mail](mailto:a@b.c) [rel](/x) <https://b.example> <javascript:alert(1)> [ref][r]\n\n[r]: http://c.example/';
    expect(outline(markdownTree(md))).toBe(
      'p(a[https://a.example/x]("web") " js mail rel " a[https://b.example/]("https://b.example") " javascript:alert(1) " a[http://c.example/]("ref"))',
    );
  });

  it('shows an inlined raster picture as a thumbnail, any other picture as a placeholder, never fetching it', () => {
    const md = `![a *pool*](${PNG}) ![pic](https://img.example/p.png) ![svg](data:image/svg+xml;base64,PHN2Zz4=) ![js](javascript:x)`;
    expect(outline(markdownTree(md))).toBe(
      'p(img[thumbnail: a pool] " " img[placeholder img.example: pic] " " img[placeholder -: svg] " " img[placeholder -: js])',
    );
  });

  it('shows raw HTML and character references as the text they are', () => {
    const md = '<div onclick="x()">\n<b>bold?</b>\n</div>\n\nSee &lt;script&gt; and <img src=x onerror=alert(1)> and \\<i\\>.';
    expect(outline(markdownTree(md))).toBe(
      'p("<div onclick=\\"x()\\">\\n<b>bold?</b>\\n</div>") p("See <script> and <img src=x onerror=alert(1)> and <i>.")',
    );
  });

  it('property: generated hostile Markdown gives only allowed nodes, and every payload appears as text', () => {
    fc.assert(
      fc.property(hostileMarkdown, (md) => {
        const tree = markdownTree(md);
        for (const node of walk(tree)) {
          if (node.kind === 'element') expect(PREVIEW_TAGS).toContain(node.tag);
          if (node.kind === 'link') expect(node.href).toMatch(/^https?:\/\/[^\s]+$/);
          if (node.kind === 'image' && node.thumbnail) expect(node.thumbnail).toMatch(/^data:image\/png;base64,/);
        }
        const text = readText(tree);
        for (const payload of HTML_PAYLOADS) if (md.includes(payload)) expect(text).toContain(payload);
        expect(elements(tree).every((e) => Object.keys(e).every((k) => ['kind', 'tag', 'start', 'children'].includes(k)))).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});
