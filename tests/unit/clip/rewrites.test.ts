import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../bench/lib/metric';
import { REWRITES, findArticle, rewritePage } from '../../../bench/lib/rewrites';
import { parseHtml } from './helpers';

const WORDS = ['river', 'stone', 'market', 'winter', 'signal', 'harbour', 'engine', 'garden', 'ledger', 'orbit', 'cotton', 'violet'];

/** Paragraph texts: distinct enough that each one's shingles are its own. */
const paragraphs = fc.array(
  fc.array(fc.constantFrom(...WORDS), { minLength: 8, maxLength: 20 }).map((w) => `${w.join(' ')}.`),
  { minLength: 3, maxLength: 12 },
);

function page(texts: readonly string[]): string {
  const body = texts.map((t, i) => `<p class="para">${i}x ${t}</p>`).join('\n');
  return `<body><nav><a href="/">Home</a> <a href="/news">News</a></nav><main><header><h1>The headline</h1></header>
    <div id="story" class="entry-content">${body}</div></main><footer><p>Footer note.</p></footer></body>`;
}

const truthOf = (texts: readonly string[]) => texts.map((t, i) => `${i}x ${t}`).join('\n');
const tokens = (text: string) => tokenize(text).join(' ');
/** The texts of the page apart, as a reader sees blocks apart (textContent runs "Home" into a lead put after it). */
function textNodes(root: Node): string[] {
  const out: string[] = [];
  for (const child of root.childNodes) child.nodeType === 3 ? out.push(child.textContent ?? '') : out.push(...textNodes(child));
  return out;
}

describe('findArticle', () => {
  it('finds the paragraphs in the truth and the element holding them', () => {
    const texts = ['one two three four five six seven.', 'eight nine ten eleven twelve thirteen.'];
    const doc = parseHtml(page(texts));
    const article = findArticle(doc, truthOf(texts))!;
    expect(article.container.id).toBe('story');
    expect(article.paragraphs).toHaveLength(2);
  });

  it('finds nothing when no paragraph is in the truth', () => {
    expect(findArticle(parseHtml(page(['alpha beta gamma delta epsilon zeta.'])), 'nothing of the page at all here')).toBeUndefined();
  });
});

describe('rewritePage', () => {
  it.each(REWRITES)('%s keeps every word of the article, in order', (name) => {
    fc.assert(
      fc.property(paragraphs, (texts) => {
        const doc = parseHtml(page(texts));
        expect(rewritePage(doc, truthOf(texts), name)).toBe(true);
        // Inserts and the headline may come between paragraphs, never inside one.
        const text = ` ${tokens(textNodes(doc.body).join(' '))} `;
        let from = 0;
        texts.forEach((t, i) => {
          const at = text.indexOf(` ${tokens(`${i}x ${t}`)} `, from);
          expect(at).toBeGreaterThanOrEqual(from);
          from = at + 1;
        });
      }),
      { numRuns: 30 },
    );
  });

  it('div-br leaves no article paragraph in <p>, and separates them with line breaks', () => {
    const texts = ['alpha beta gamma delta epsilon.', 'zeta eta theta iota kappa.', 'lambda mu nu xi omicron.'];
    const doc = parseHtml(page(texts));
    rewritePage(doc, truthOf(texts), 'div-br');
    const story = doc.getElementById('story')!;
    expect(story.querySelectorAll('p')).toHaveLength(0);
    expect(story.querySelectorAll('div > br')).toHaveLength(4);
  });

  it('split-wrappers leaves two sibling containers, each with part of the article', () => {
    const texts = ['alpha beta gamma delta epsilon.', 'zeta eta theta iota kappa.', 'lambda mu nu xi omicron.', 'pi rho sigma tau upsilon.'];
    const doc = parseHtml(page(texts));
    rewritePage(doc, truthOf(texts), 'split-wrappers');
    const halves = doc.querySelectorAll('.entry-content');
    expect(halves).toHaveLength(2);
    expect(halves[0]!.nextElementSibling).toBe(halves[1]);
    expect(halves[0]!.querySelectorAll('p').length).toBeGreaterThan(0);
    expect(halves[1]!.querySelectorAll('p').length).toBeGreaterThan(0);
  });

  it('inserts an SVG, a share row and a figure between paragraphs', () => {
    const texts = ['alpha beta gamma delta epsilon.', 'zeta eta theta iota kappa.', 'lambda mu nu xi omicron.', 'pi rho sigma tau upsilon.'];
    const doc = parseHtml(page(texts));
    rewritePage(doc, truthOf(texts), 'inserts');
    const story = doc.getElementById('story')!;
    for (const selector of ['svg', '.share-buttons', 'figure figcaption']) {
      const el = story.querySelector(selector)!;
      const block = el.closest('svg, .share-buttons, figure')!;
      expect(block.previousElementSibling?.localName).toBe('p');
      expect(block.nextElementSibling?.localName).toMatch(/^(p|svg|div|figure)$/);
    }
  });

  it('lead-wrapper moves the lead before the container; lead-above-headline before the h1', () => {
    const texts = ['alpha beta gamma delta epsilon.', 'zeta eta theta iota kappa.'];
    let doc = parseHtml(page(texts));
    rewritePage(doc, truthOf(texts), 'lead-wrapper');
    expect(doc.getElementById('story')!.previousElementSibling?.textContent).toContain('alpha beta');
    doc = parseHtml(page(texts));
    rewritePage(doc, truthOf(texts), 'lead-above-headline');
    expect(doc.querySelector('h1')!.previousElementSibling?.textContent).toContain('alpha beta');
  });

  it('long-lists turns the middle paragraphs into list items', () => {
    const texts = Array.from({ length: 8 }, (_, i) => `${WORDS[i]} paragraph with words number ${i} of eight.`);
    const doc = parseHtml(page(texts));
    rewritePage(doc, truthOf(texts), 'long-lists');
    expect(doc.querySelectorAll('#story ul > li')).toHaveLength(4);
  });

  it('does not apply, and leaves the page alone, where it has nothing to rewrite', () => {
    const html = '<body><div id="story"><p>one two three four five six.</p></div></body>';
    const doc = parseHtml(html);
    expect(rewritePage(doc, 'one two three four five six.', 'lead-above-headline')).toBe(false);
    expect(rewritePage(doc, 'one two three four five six.', 'split-wrappers')).toBe(false);
    expect(doc.body.innerHTML).toBe(parseHtml(html).body.innerHTML);
  });
});
