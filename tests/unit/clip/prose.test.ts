import { describe, expect, it } from 'vitest';
import { keepLead } from '../../../lib/clip/lead';
import { divProseToParagraphs, ownProseLength } from '../../../lib/clip/prose';
import { articleScope } from '../../../lib/clip/scope';
import { parseHtml } from './helpers';

const sentence = (i: number) => `Sentence ${i} of the story tells the reader what happened at the harbour on a stormy night in May.`;

describe('ownProseLength', () => {
  it('counts the text between the <br>s and <div>s of a block, not its blocks', () => {
    const doc = parseHtml(`<body><div id="d">${sentence(1)}<br><br>${sentence(2)}<div class="fake-br"></div><p>${sentence(3)}</p></div></body>`);
    const length = ownProseLength(doc.getElementById('d')!);
    expect(length).toBeGreaterThanOrEqual(2 * sentence(1).length);
    expect(length).toBeLessThan(3 * sentence(1).length);
  });

  it('is 0 for menus and short labels', () => {
    const doc = parseHtml(`<body><div id="menu"><a href="/a">${sentence(1)}</a> <a href="/b">${sentence(2)}</a></div><div id="label">Updated today</div></body>`);
    expect(ownProseLength(doc.getElementById('menu')!)).toBe(0);
    expect(ownProseLength(doc.getElementById('label')!)).toBe(0);
  });
});

describe('articleScope with prose outside <p>', () => {
  it('is the story written in a <div> with <br>, not a box of paragraphs beside it', () => {
    const story = Array.from({ length: 12 }, (_, i) => sentence(i)).join('<br><br>');
    const promo = Array.from({ length: 6 }, (_, i) => `<p>Subscriber offer ${i}: read every story for a small monthly fee, cancel any time.</p>`).join('');
    const doc = parseHtml(`<body><div id="page"><div id="story">${story}</div><div id="promo">${promo}</div></div></body>`);
    expect(articleScope(doc)?.id).not.toBe('promo');
  });
});

describe('divProseToParagraphs', () => {
  it('turns leaf <div>s of text into <p>s with their attributes, and leaves wrappers', () => {
    const root = parseHtml(`<body><div id="w"><div class="x">${sentence(1)}<br>${sentence(2)}</div><div class="y"><p>${sentence(3)}</p></div><div>Short</div></div></body>`).body;
    divProseToParagraphs(root);
    expect(root.querySelector('p.x')?.textContent).toContain(sentence(2));
    expect(root.querySelector('div.y > p')).not.toBeNull();
    expect(root.querySelector('#w')?.localName).toBe('div');
    expect([...root.querySelectorAll('div')].some((d) => d.textContent === 'Short')).toBe(true);
  });
});

describe('keepLead', () => {
  const content = (doc: Document, from: number) => {
    const root = doc.createElement('div');
    root.innerHTML = `<div>${[from, from + 1].map((i) => `<p>${sentence(i)}</p>`).join('')}</div>`;
    return root;
  };

  it('puts back the paragraph just before the first kept one, past a headline and byline', () => {
    const doc = parseHtml(`<body><div class="lead"><p>${sentence(0)}</p></div><h1>Headline</h1><p>By A. Writer</p><div id="story"><p>${sentence(1)}</p><p>${sentence(2)}</p></div></body>`);
    const root = content(doc, 1);
    keepLead(doc, root);
    expect(root.querySelector('p')?.textContent).toBe(sentence(0));
  });

  it('leaves a caption, a far-away paragraph and one already kept', () => {
    for (const before of [
      `<figure><img src="/a.jpg"><p>${sentence(0)}</p></figure>`,
      `<p>${sentence(0)}</p><div>${'Menu item and other words. '.repeat(30)}</div>`,
    ]) {
      const doc = parseHtml(`<body>${before}<div id="story"><p>${sentence(1)}</p><p>${sentence(2)}</p></div></body>`);
      const root = content(doc, 1);
      keepLead(doc, root);
      expect(root.textContent).not.toContain(sentence(0));
    }
    const doc = parseHtml(`<body><p>${sentence(1)}</p><p>${sentence(2)}</p></body>`);
    const root = content(doc, 1);
    keepLead(doc, root);
    expect(root.querySelectorAll('p')).toHaveLength(2);
  });
});
