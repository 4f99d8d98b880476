import { clipArticle, clipSelection, extractMetadata } from '../../../lib/clip/index';
import { markdownToText } from '../../../lib/clip/text';
import { loadDocument, parseHtml } from './helpers';

/** Renders markdown the way a permissive renderer would treat raw HTML: any unescaped tag is a fail. */
function rawTags(md: string): string[] {
  // Strip backslash-escaped "<" and code spans/blocks, where "<" is text.
  const outsideCode = md.replace(/```[\s\S]*?```/g, '').replace(/`[^`]*`/g, '');
  return outsideCode.match(/(?<!\\)<\/?[a-z!][^>]*>/gi) ?? [];
}

describe('hostile pages', () => {
  const url = 'https://evil.example/post';

  it('keeps markup in the title and Open Graph fields as text', () => {
    const meta = extractMetadata(loadDocument('xss.html'), url);
    expect(meta.title).toBe("<script>alert('og')</script>Headline");
    expect(meta.description).toBe('"><svg onload=alert(2)>');
    expect(meta.siteName).toBe('<b>Site</b>');
    expect(meta.coverImage).toBeUndefined();
  });

  it('writes markup found in the article as escaped text, never as HTML', () => {
    const doc = loadDocument('xss.html');
    const { markdown } = clipArticle(doc, url);
    expect(rawTags(markdown)).toEqual([]);
    expect(markdown).not.toMatch(/(?<!\\)\]\(javascript:/i);
    expect(markdown).not.toContain('inline script');
    expect(markdown).not.toContain('background: red');
    expect(markdownToText(markdown)).toContain('Text that mentions <img src=x onerror=alert(5)> as an example');
    expect(markdown).toContain('a javascript link');
    // Text that looks like a markdown link stays text: its brackets are escaped.
    expect(markdown).toContain('\\[click\\](javascript:alert(10))');
  });

  it('creates no element in the page while clipping', () => {
    const doc = loadDocument('xss.html');
    const count = doc.getElementsByTagName('*').length;
    clipArticle(doc, url);
    expect(doc.getElementsByTagName('*').length).toBe(count);
    expect(document.querySelectorAll('script, img, svg, iframe').length).toBe(0);
  });

  it('escapes markup inside a selection', () => {
    const doc = parseHtml('<p id="a">Look: &lt;script&gt;alert(1)&lt;/script&gt; and <a href="javascript:alert(2)">this</a> <img src=x onerror="alert(3)" alt="x&quot;&gt;&lt;svg onload=alert(4)&gt;"></p>');
    const range = doc.createRange();
    range.selectNodeContents(doc.getElementById('a')!);
    const selection = { rangeCount: 1, getRangeAt: () => range } as unknown as Selection;
    const { markdown } = clipSelection(doc, selection, url);
    expect(rawTags(markdown)).toEqual([]);
    expect(markdown).toContain('Look: &lt;script>alert(1)&lt;/script> and this');
    expect(markdown).toContain('![x">&lt;svg onload=alert(4)>](https://evil.example/x)');
  });
});
