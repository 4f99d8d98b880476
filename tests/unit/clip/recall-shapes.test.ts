/**
 * The recall guard's shapes (issue 18 item 1), each on a small page: prose outside <p> and a lead
 * outside the article's container must reach the clip whole.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../lib/clip/article';
import { htmlToMarkdown, markdownToText } from '../../../lib/clip/index';
import { parseHtml } from './helpers';

const URL = 'https://news.example/2024/05/story';
const NOUNS = ['council', 'harbour', 'budget', 'bridge', 'school', 'river', 'market', 'library', 'station', 'garden', 'museum', 'clinic'];
const VERBS = ['approved', 'delayed', 'reviewed', 'funded', 'questioned', 'rebuilt', 'opened', 'closed'];

/** A paragraph of three sentences, distinct for each seed. */
function paragraph(seed: number): string {
  const n = (k: number) => NOUNS[(seed * 7 + k * 3) % NOUNS.length]!;
  const v = (k: number) => VERBS[(seed * 5 + k) % VERBS.length]!;
  return `Paragraph ${seed} says the ${n(0)} ${v(0)} the plan for the ${n(1)} after a long evening of debate. Officials said the ${n(2)} would be ${v(1)} within ${seed + 2} months, and residents near the ${n(3)} were told to expect some noise. Nobody at the ${n(4)} had been asked before the vote on item ${seed * 3 + 1}.`;
}

const chrome: Record<string, string> = {
  nav: '<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>',
  /** Paragraphs beside the story (a promo box): on a page whose story is not in <p>, the only <p> text. */
  promo: `<div class="promo">${[1, 2, 3, 4, 5, 6, 7, 8].map((i) => `<p>Subscriber offer ${i}: read every story on the site for a small monthly fee, cancel at any time you like.</p>`).join('')}</div>`,
  aside: `<aside><h3>Most read</h3><ul>${[1, 2, 3, 4].map((i) => `<li><a href="/s${i}">Another story number ${i} on the site</a></li>`).join('')}</ul></aside>`,
  footer: '<footer><p>© News Example. All rights reserved. Terms and privacy.</p></footer>',
};

type Shape = (paragraphs: string[]) => string;

const SHAPES: Record<string, Shape> = {
  'text in a <div>, lines apart with <br>': (ps) =>
    `<header><h1>The council approved the plan</h1></header><div class="story">${ps.join('<br><br>')}</div>${chrome.promo}`,
  'each paragraph its own <div>, subheads and ad slots between': (ps) =>
    `<h1>The council approved the plan</h1><div class="article-body"><div class="gallery"><ul><li><img src="/a.jpg" alt=""></li></ul></div>${ps
      .map((p, i) => `<div>${p}</div>${i % 3 === 1 ? `<p>PART ${i}</p><div class="zone"><div class="player"></div></div>` : ''}`)
      .join('')}</div>${chrome.promo}`,
  'the lead in its own wrapper before the body': (ps) =>
    `<h1>The council approved the plan</h1><div class="lead"><p>${ps[0]}</p></div><div class="story">${ps
      .slice(1)
      .map((p) => `<p>${p}</p>`)
      .join('')}</div>`,
  'the lead above the headline': (ps) =>
    `<div class="kicker"><p>${ps[0]}</p></div><header><h1>The council approved the plan</h1><p class="byline">By A. Writer</p></header><article><div class="story">${ps
      .slice(1)
      .map((p) => `<p>${p}</p>`)
      .join('')}</div></article>`,
  'the middle of the story as one long list': (ps) =>
    `<h1>The council approved the plan</h1><div class="story"><p>${ps[0]}</p><ul>${ps
      .slice(1, -1)
      .map((p) => `<li>${p}</li>`)
      .join('')}</ul><p>${ps[ps.length - 1]}</p></div>`,
};

function clipText(html: string): string {
  const doc = parseHtml(`<html><head><title>The council approved the plan | News Example</title></head><body>${html}</body></html>`);
  return markdownToText(htmlToMarkdown(extractArticle(doc, URL).content, { baseUrl: URL })).replace(/\s+/g, ' ');
}

describe('recall on shapes the corpus rarely has', () => {
  it.each(Object.entries(SHAPES))('keeps every paragraph: %s', (_name, shape) => {
    fc.assert(
      fc.property(fc.integer({ min: 12, max: 16 }), fc.integer({ min: 0, max: 50 }), (count, offset) => {
        const ps = Array.from({ length: count }, (_, i) => paragraph(offset + i));
        const text = clipText(`${chrome.nav}<div id="page"><main>${shape(ps)}</main>${chrome.aside}</div>${chrome.footer}`);
        for (const p of ps) expect(text).toContain(p);
        expect(text).not.toContain('Another story number');
      }),
      { numRuns: 8 },
    );
  });
});
