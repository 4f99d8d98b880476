// @vitest-environment jsdom
// jsdom, for its spec-faithful importNode and Range: the document of this environment plays the
// live page, the `document` global a content script sees.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { capturePage } from '../../../lib/capture/capture-page';
import { captureWithImages } from '../../../lib/capture/capture-with-images';
import type { PageMode } from '../../../lib/capture/schema';
import { cloneRangeInto, emptyInertDocument, withGlobalDocumentInert } from '../../../lib/clip/inert';
import { type LiveWatch, watchLiveDocument } from './live-watch';

const HOSTILE = readFileSync(join(__dirname, '..', '..', 'fixtures', 'hostile-clip', 'index.html'), 'utf8');
const MODES: PageMode[] = ['article', 'selection', 'fullpage', 'bookmark'];

/** Shows `html` as the live page, its scripts left out (this test counts calls, not runs). */
function showPage(html: string): Document {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  for (const script of parsed.querySelectorAll('script:not([type="application/ld+json"])')) script.remove();
  document.replaceChild(document.importNode(parsed.documentElement, true), document.documentElement);
  return document;
}

/** A selection of the whole body, made before watching (making it is the person's doing). */
function selectBody(doc: Document): Selection {
  const range = doc.createRange();
  range.selectNodeContents(doc.body);
  return { rangeCount: 1, isCollapsed: false, getRangeAt: () => range } as unknown as Selection;
}

/** Answers every image with a PNG; no request touches the DOM. */
const anyImage = async () => new Response(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), { headers: { 'content-type': 'image/png' } });

let watch: LiveWatch | undefined;
afterEach(() => watch?.stop());

/** Clips the live page in every mode, with and without images, under watch; returns what was made there. */
async function clipEveryMode(doc: Document, pageUrl: string): Promise<{ calls: string[]; markdown: string[] }> {
  const selection = selectBody(doc);
  const markdown: string[] = [];
  watch = watchLiveDocument(doc);
  const url = Object.defineProperty(doc, 'URL', { configurable: true, value: pageUrl });
  try {
    for (const mode of MODES) {
      const preview = capturePage(doc, selection, mode);
      const saved = await captureWithImages(doc, selection, mode, anyImage);
      for (const result of [preview, saved]) {
        expect(result.ok, `${mode}: ${JSON.stringify(result)}`).toBe(true);
        if (result.ok) markdown.push(result.page.markdown);
      }
    }
  } finally {
    delete (url as unknown as Record<string, unknown>).URL;
    watch.stop();
  }
  return { calls: [...watch.calls], markdown };
}

describe('the live-document watch', () => {
  it('sees markup parsed or nodes cloned in the live document, and nothing made elsewhere', () => {
    watch = watchLiveDocument(document);
    const inert = emptyInertDocument(document);
    inert.createElement('div').innerHTML = '<b>inert</b>';
    document.createElement('div').innerHTML = '<img src=x>';
    const range = document.createRange();
    range.selectNodeContents(document.body);
    range.cloneContents();
    document.body.cloneNode(true);
    watch.stop();
    expect(watch.calls).toEqual([
      'Document.createElement(div)',
      'Element.innerHTML = <img src=x>',
      'Document.createRange()',
      'Range.cloneContents()',
      'Node.cloneNode(boolean)',
    ]);
  });
});

describe('clipping never builds in the live page', () => {
  it('the hostile fixture, every mode, preview and save: no node made in the page, no live markup stored', async () => {
    const doc = showPage(HOSTILE);
    const { calls, markdown } = await clipEveryMode(doc, 'https://maths.example/circle');
    expect(calls).toEqual([]);
    for (const md of markdown) {
      expect(md).not.toMatch(/javascript:|vbscript:|data:text/i);
      expect(md).not.toMatch(/(?<!\\)<(?:img|svg|script|iframe|object|embed|math|template)\b/i);
      expect(md).not.toMatch(/onerror|onload/i);
    }
    // The article (and the full page) kept their text: the defence cost nothing to read.
    expect(markdown[0]).toContain('A circle of radius two has an area of about twelve and a half.');
    // The global document's own factories are back once the clip is done.
    expect(document.createElement).toBe(Document.prototype.createElement);
  });

  it('a video page: its transcript and watch view read as text, no node made in the page', async () => {
    const video = readFileSync(join(__dirname, '..', '..', 'fixtures', 'clip', 'video-youtube.html'), 'utf8');
    const payload = '&lt;img src=x onerror="hostileRan()"&gt;';
    const doc = showPage(video.replace('Good morning, and welcome back.', `Good morning ${payload}.`).replace('Filmed on a calm morning.</yt', `Filmed ${payload}.</yt`));
    const { calls, markdown } = await clipEveryMode(doc, 'https://www.youtube.com/watch?v=Tp00lsDawn1');
    expect(calls).toEqual([]);
    expect(markdown[0]).toContain('Good morning &lt;img src=x onerror="hostileRan()">.');
    expect(markdown[0]).toContain('Filmed &lt;img src=x onerror="hostileRan()">.');
    for (const md of markdown) expect(md).not.toMatch(/(?<!\\)<img\b/i);
  });

  // Pages with every construct defuddle parses with the global document (math with data-mathml,
  // the conversation and forum pages its site extractors read), at those sites' addresses and
  // elsewhere, short (defuddle runs) and long (Readability alone).
  const PAYLOAD = '<img src=x onerror="hostileRan()"><svg onload="hostileRan()"></svg>';
  const quoted = PAYLOAD.replace(/"/g, '&quot;');
  const BLOCKS = [
    `<span class="MathJax" data-mathml="<math><mi>x</mi></math>${quoted}">x</span>`,
    `<span class="katex" data-mathml="${quoted}"><span class="katex-mathml"><math><mi>y</mi></math></span>y</span>`,
    `<mjx-container data-mathml="<math><mi>z</mi></math>${quoted}">z</mjx-container>`,
    `<img class="latex" src="https://s.example/latex.php?latex=x" alt="x" data-mathml="${quoted}">`,
    `<article data-testid="conversation-turn-1" data-message-author-role="assistant"><div class="markdown"><p>Answer ${PAYLOAD.replace('<img', '<img hidden')}</p></div></article>`,
    `<div class="conversation-container"><div class="model-response-text"><div class="markdown"><p>Reply</p><template>${PAYLOAD}</template></div></div></div>`,
    `<shreddit-post author="a"><div slot="text-body"><p>Post body</p><noscript>${PAYLOAD}</noscript></div></shreddit-post><shreddit-comment depth="0"><div slot="comment"><p>Comment</p></div></shreddit-comment>`,
    `<template>${PAYLOAD}</template><noscript>${PAYLOAD}</noscript><iframe sandbox srcdoc="${quoted}"></iframe>`,
    `<p data-html="${quoted}">A paragraph about circles and their radii, long enough to be read.</p>`,
  ];
  const URLS = [
    'https://blog.example/post',
    'https://chatgpt.com/c/abc',
    'https://gemini.google.com/app/abc',
    'https://www.reddit.com/r/maths/comments/abc/circles/',
    'https://github.com/owner/repo/issues/1',
    'https://news.ycombinator.com/item?id=1',
    'https://twitter.com/someone/status/1',
    'https://www.youtube.com/watch?v=Tp00lsDawn1',
  ];
  const page = fc.record({
    blocks: fc.array(fc.constantFrom(...BLOCKS), { minLength: 1, maxLength: 6 }),
    paragraphs: fc.integer({ min: 0, max: 12 }),
    url: fc.constantFrom(...URLS),
  });

  it('generated pages with the constructs extractors parse, at the addresses of their site extractors', async () => {
    await fc.assert(
      fc.asyncProperty(page, async ({ blocks, paragraphs, url }) => {
        const prose = '<p>Circles have been measured since antiquity, and their area grows with the square of the radius.</p>'.repeat(paragraphs);
        const doc = showPage(`<!doctype html><html><head><title>Circles</title></head><body><main><h1>Circles</h1>${blocks.join('')}${prose}</main></body></html>`);
        const { calls } = await clipEveryMode(doc, url);
        expect(calls).toEqual([]);
      }),
      { numRuns: 25, seed: 2121 },
    );
  }, 60_000);
});

describe('withGlobalDocumentInert', () => {
  it('answers the global document’s factories from the inert one while it runs, and puts them back even on a throw', () => {
    const inert = emptyInertDocument(document);
    const own = () => Object.getOwnPropertyNames(document).filter((n) => /^(create|import)/.test(n));
    const before = own();
    const made = withGlobalDocumentInert(inert, () => document.createElement('div'));
    expect(made.ownerDocument).toBe(inert);
    expect(() =>
      withGlobalDocumentInert(inert, () => {
        throw new Error('extractor failed');
      }),
    ).toThrow('extractor failed');
    expect(own()).toEqual(before);
    expect(document.createElement('p').ownerDocument).toBe(document);
  });
});

describe('cloneRangeInto', () => {
  // A small tree and any two boundary points in it: the copy must serialise like the DOM's own clone.
  const tree = fc.array(fc.constantFrom('<b>bold</b>', 'plain text ', '<i>it<u>al</u>ic</i>', '<!--c-->', '<ul><li>one</li><li>two</li></ul>', '<p>para <a href="/x">link</a></p>'), {
    minLength: 1,
    maxLength: 8,
  });

  function points(root: Node): [Node, number][] {
    const out: [Node, number][] = [];
    const walk = (node: Node) => {
      const length = node.nodeType === 1 || node.nodeType === 11 ? node.childNodes.length : (node as CharacterData).length;
      for (let i = 0; i <= length; i++) out.push([node, i]);
      for (const child of node.childNodes) walk(child);
    };
    walk(root);
    return out;
  }

  const serialise = (fragment: DocumentFragment) => {
    const holder = emptyInertDocument(document).createElement('div');
    holder.append(fragment);
    return holder.innerHTML;
  };

  it('copies what Range.cloneContents copies, into the inert document', () => {
    fc.assert(
      fc.property(tree, fc.nat(), fc.nat(), (parts, a, b) => {
        const doc = new DOMParser().parseFromString(`<body><div id="root">${parts.join('')}</div></body>`, 'text/html');
        const all = points(doc.getElementById('root')!);
        const [first, second] = [all[a % all.length]!, all[b % all.length]!];
        const range = doc.createRange();
        range.setStart(...first);
        range.setEnd(...second); // collapses onto `second` when it lies before `first`
        const out = emptyInertDocument(doc);
        const copy = cloneRangeInto(range, out);
        expect(copy.ownerDocument).toBe(out);
        expect(serialise(copy)).toBe(serialise(range.cloneContents()));
      }),
      { numRuns: 300, seed: 21 },
    );
  });
});
