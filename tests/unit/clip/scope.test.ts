import { describe, expect, it } from 'vitest';
import { copyForExtraction } from '../../../lib/clip/copy';
import { articleScope } from '../../../lib/clip/scope';
import { parseHtml } from './helpers';

const prose = (n: number, word = 'story') => Array.from({ length: n }, (_, i) => `<p>Paragraph ${i} of the ${word}, long enough to be read as prose by anyone.</p>`).join('');

describe('articleScope', () => {
  it('is the deepest element holding nearly all paragraph text', () => {
    const doc = parseHtml(`<body><nav><a href="/">Home</a></nav><div id="page"><div id="story"><h1>T</h1>${prose(12)}</div>
      <aside><p>Short teaser.</p></aside></div><footer><p>© Example</p></footer></body>`);
    expect(articleScope(doc)?.id).toBe('story');
  });

  it('is an ancestor of the article when other prose beside it counts (comments, a second story)', () => {
    const doc = parseHtml(`<body><main id="main"><div id="story">${prose(10)}</div><section id="comments">${prose(4, 'comments')}</section></main></body>`);
    expect(articleScope(doc)?.id).toBe('main');
  });

  it('is nothing when no element holds nearly all of it', () => {
    const doc = parseHtml(`<body><div id="a">${prose(6)}</div><div id="b">${prose(6, 'other story')}</div></body>`);
    expect(articleScope(doc)).toBeUndefined();
  });

  it('is nothing when the page has too little paragraph text to tell', () => {
    const doc = parseHtml(`<body><div id="story">Text written with line breaks only.<br>${'More text here. '.repeat(80)}<p>One short paragraph.</p></div></body>`);
    expect(articleScope(doc)).toBeUndefined();
  });
});

describe('copyForExtraction with a scope', () => {
  it('copies the head and, in the body, the scope alone', () => {
    const doc = parseHtml(`<html><head><title>The title</title></head><body><div id="menu"><a href="/">Home</a></div>
      <div id="story"><header><p>Standfirst of the story.</p></header>${prose(8)}</div><div id="more">More links</div></body></html>`);
    const copy = copyForExtraction(doc, doc.baseURI, doc.getElementById('story')!);
    expect(copy.title).toBe('The title');
    expect(copy.body.children).toHaveLength(1);
    expect(copy.body.firstElementChild?.id).toBe('story');
    const text = copy.body.textContent ?? '';
    expect(text).toContain('Standfirst of the story.');
    expect(text).toContain('Paragraph 7 of the story');
    expect(text).not.toContain('Home');
    expect(text).not.toContain('More links');
  });

  it('holds a table cell or list item cut from its parent in a plain block', () => {
    const doc = parseHtml(`<body><table><tr><td id="cell">${prose(8)}</td><td>Menu</td></tr></table></body>`);
    const scope = articleScope(doc)!;
    expect(scope.id).toBe('cell');
    const copy = copyForExtraction(doc, doc.baseURI, scope);
    expect(copy.body.firstElementChild?.localName).toBe('div');
    expect(copy.querySelectorAll('p')).toHaveLength(8);
  });
});
