import { micromark } from 'micromark';
import { clipArticle, htmlToMarkdown } from '../../../lib/clip/index';
import { texMarkdown } from '../../../lib/clip/math';
import { loadDocument, parseHtml } from './helpers';

const INLINE_SOURCE = /\$a ?x\^2 ?\+ ?b ?x ?\+ ?c ?= ?0\$/;
const DISPLAY = /\n\$\$\nx = \\frac\{- ?b \\pm \\sqrt\{b\^2 ?- ?4 ?a ?c\}\}\{2 ?a\}\n\$\$\n/;

describe('formulas become TeX', () => {
  for (const name of ['math-mathjax2.html', 'math-mathjax3.html', 'math-katex.html', 'math-mathml.html']) {
    it(`${name}: inline as $…$, display as $$…$$, no rendered glyphs`, () => {
      const { markdown } = clipArticle(loadDocument(name), 'https://math.example/quadratics');
      expect(markdown).toMatch(INLINE_SOURCE);
      expect(markdown).toMatch(DISPLAY);
      // The renderings' text (each symbol once more, in reading order or not) is gone.
      for (const soup of ['ax2+bx+c', 'x=−b±', 'b2−4ac', 'x=2a−b']) expect(markdown).not.toContain(soup);
      // Never an empty formula.
      expect(markdown).not.toMatch(/\$\$\n\s*\n\$\$|(?<!\$)\$ +\$(?!\$)/);
      expect(markdown).toContain('When the discriminant is negative');
    });
  }

  it('writes a formula in a selection or a whole page too (no copy step before the writer)', () => {
    const doc = parseHtml('<body><p>Area <span class="katex"><span class="katex-mathml"><math><semantics><mi>r</mi><annotation encoding="application/x-tex">\\pi r^2</annotation></semantics></math></span><span class="katex-html" aria-hidden="true">πr2</span></span> here.</p></body>');
    expect(htmlToMarkdown(doc.body, { baseUrl: 'https://m.example/' })).toBe('Area $\\pi r^2$ here.');
  });

  it('keeps page text in TeX as text: no HTML, no end of the formula, no entity', () => {
    const payloads = ['</script><img src=x onerror=alert(1)>', 'a<b>c</b>', 'x$<img onerror>$', '&lt;img&gt;', 'a\n\nb'];
    for (const tex of payloads) {
      for (const display of [false, true]) {
        const md = texMarkdown({ tex, display });
        expect(md).not.toContain('<');
        expect(md).not.toMatch(/&(?=#?[a-z0-9]+;)/i);
        // Read back with raw HTML allowed: nothing of it is an element.
        const html = micromark(md, { allowDangerousHtml: true });
        expect(html).not.toMatch(/<(?:img|script|b)\b/i);
        const inner = display ? md.trim().slice(3, -3).trim() : md.slice(1, -1);
        expect(inner).not.toMatch(/(?<!\\)\$/);
      }
    }
  });

  it('a MathJax v2 script with a hostile payload reaches the markdown as text', () => {
    const doc = parseHtml('<body><article><h1>T</h1><p>Long enough text to be an article paragraph for the extractor to keep it, with a formula <script type="math/tex">$</script><img onerror=alert(1)>$</script> inside and more words after it to make the paragraph long enough.</p></article></body>');
    const md = htmlToMarkdown(doc.body, { baseUrl: 'https://m.example/' });
    expect(micromark(md, { allowDangerousHtml: true })).not.toMatch(/<img\b/);
  });
});
