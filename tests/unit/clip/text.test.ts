import { markdownToText } from '../../../lib/clip/text';
import { bestSrcsetCandidate, safeImageUrl, safeLinkUrl } from '../../../lib/clip/url';

describe('markdownToText', () => {
  it('strips the syntax our converter writes', () => {
    const md = [
      '# Title',
      '',
      'Some **bold**, _em_ and `code` with [a link](https://x.example/a "t").',
      '',
      '[![alt](https://x.example/i.png)](https://x.example/big.png)',
      '',
      '- item one',
      '    1.  nested',
      '',
      '> quoted',
      '',
      '| A | B |',
      '| --- | --- |',
      '| 1 | 2 |',
      '',
      '```js',
      'let a = 1;',
      '```',
      '',
      'Escaped \\<tag> and \\[x\\] and snake\\_case.',
    ].join('\n');
    expect(markdownToText(md)).toBe(
      ['Title', '', 'Some bold, em and code with a link.', '', 'item one', 'nested', '', 'quoted', '', 'A B', '1 2', '', 'let a = 1;', '', 'Escaped <tag> and [x] and snake_case.'].join('\n'),
    );
  });
});

describe('URL hygiene', () => {
  const base = 'https://example.com/a/b';
  it('resolves relative links and refuses script-bearing schemes', () => {
    expect(safeLinkUrl('../c', base)).toBe('https://example.com/c');
    expect(safeLinkUrl('java\nscript:alert(1)', base)).toBeUndefined();
    expect(safeLinkUrl('\u0001javascript:alert(1)', base)).toBeUndefined();
    expect(safeLinkUrl('data:text/html,x', base)).toBeUndefined();
    expect(safeLinkUrl('mailto:a@b.example', base)).toBe('mailto:a@b.example');
  });
  it('accepts http(s) and raster data images only', () => {
    expect(safeImageUrl('//cdn.example/i.png', base)).toBe('https://cdn.example/i.png');
    expect(safeImageUrl('data:image/svg+xml;base64,PHN2Zz4=', base)).toBeUndefined();
    expect(safeImageUrl('blob:https://example.com/1', base)).toBeUndefined();
  });
  it('picks the largest srcset candidate', () => {
    expect(bestSrcsetCandidate('a.jpg 1x, b.jpg 2x')).toBe('b.jpg');
    expect(bestSrcsetCandidate('https://c.example/x,y.jpg 100w, https://c.example/z.jpg 800w')).toBe('https://c.example/z.jpg');
  });
});
