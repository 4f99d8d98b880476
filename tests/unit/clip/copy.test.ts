import { copyForExtraction } from '../../../lib/clip/copy';
import { parseHtml } from './helpers';

const page = `<!doctype html><html><head><title>T</title><script>var x = 1;</script><style>p{}</style>
<script type="application/ld+json">{"headline":"T"}</script></head><body>
<header class="masthead"><a href="/">Home</a> <a href="/news">News</a></header>
<nav><a href="/a">Section A</a></nav>
<article><header><p>The standfirst of the story.</p></header>
  <p style="color: red">First <a href="story/2">paragraph</a> <b>with</b> <i>words</i>.</p>
  <div style="display: none">Hidden teaser</div><div hidden>Also hidden</div>
  <p>Second<!-- note --> <span>para</span></p>
  <pre>  keep   this
  </pre>
  <svg><text>svg text</text></svg><button>Click me</button>
  <footer><p>${'A long footnote that is real prose about the story. '.repeat(10)}</p></footer>
</article>
<aside><a href="/x">Related one</a></aside>
<footer><a href="/about">About us</a></footer>
</body></html>`;

describe('copyForExtraction', () => {
  it('leaves out what no extractor keeps and keeps the article', () => {
    const doc = parseHtml(page);
    const copy = copyForExtraction(doc, 'https://news.example/story/1');
    const text = copy.body.textContent ?? '';
    expect(copy.title).toBe('T');
    for (const kept of ['The standfirst of the story.', 'First paragraph with words.', 'Second para', 'A long footnote']) expect(text).toContain(kept);
    for (const gone of ['Home', 'Section A', 'Hidden teaser', 'Also hidden', 'svg text', 'Click me', 'Related one', 'About us', 'var x']) {
      expect(text).not.toContain(gone);
    }
    expect(copy.querySelector('[style]')).toBeNull();
    expect(copy.querySelector('script[type="application/ld+json"]')).not.toBeNull();
    expect(copy.querySelector('pre')?.textContent).toBe('  keep   this\n  ');
    // The page itself is untouched.
    expect(doc.querySelector('nav')).not.toBeNull();
    expect(doc.querySelector('p[style]')?.getAttribute('style')).toBe('color: red');
  });

  it('keeps the spaces between inline elements', () => {
    const doc = parseHtml('<body><div>\n  <p><a href="#">one</a> <a href="#">two</a></p>\n  <p>x<!--c--> <!--d-->y</p>\n</div></body>');
    const copy = copyForExtraction(doc, 'https://news.example/');
    const div = copy.body.firstElementChild!;
    expect(div.firstElementChild?.textContent).toBe('one two');
    expect(div.lastElementChild?.textContent).toBe('x y');
  });

  it('resolves link and image URLs against the page when the document has another base', () => {
    const doc = parseHtml('<body><p><a href="story/2">next</a><img src="/i.png"><a href="#top">top</a></p></body>');
    const copy = copyForExtraction(doc, 'https://news.example/story/1');
    expect(copy.querySelector('a')?.getAttribute('href')).toBe('https://news.example/story/story/2');
    expect(copy.querySelector('img')?.getAttribute('src')).toBe('https://news.example/i.png');
    expect(copy.querySelectorAll('a')[1]?.getAttribute('href')).toBe('#top');
  });

  it('leaves out wrappers emptied by the copy but keeps spaces, pictures and table cells', () => {
    const doc = parseHtml(
      '<body><div class="ad-slot">\n  <script>ad()</script>\n</div><p>a<span> </span>b<i class="icon"></i></p><div><img src="/i.png"></div><table><tr><td></td><td>x</td></tr></table></body>',
    );
    const copy = copyForExtraction(doc, 'https://news.example/');
    expect(copy.querySelector('.ad-slot')).toBeNull();
    expect(copy.querySelector('i')).toBeNull();
    expect(copy.querySelector('p')?.textContent).toBe('a b');
    expect(copy.querySelector('div > img')).not.toBeNull();
    expect(copy.querySelectorAll('td')).toHaveLength(2);
  });
});
