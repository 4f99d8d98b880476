import { clipArticle } from '../../../lib/clip/index';
import { extractArticle } from '../../../lib/clip/article';
import { loadDocument } from './helpers';

describe('extractArticle / clipArticle', () => {
  it('keeps the story and leaves out comments, related links, share and newsletter blocks', () => {
    const doc = loadDocument('article-clutter.html');
    const { markdown } = clipArticle(doc, 'https://news.example/story');
    expect(markdown).toContain('The city council voted on Tuesday evening');
    // The headline is the object's name, not part of the body.
    expect(markdown).not.toContain('# The council approved');
    expect(markdown).toContain('Residents who opposed the plan');
    for (const noise of ['Related articles', 'Council debates the budget', 'Comments', 'What a waste of money', 'Share on Facebook', 'Get our newsletter', 'Sign up to receive', 'Most read', 'Daily Example', 'By Max Mustermann', 'Published 8:30', 'Storm hits the coast', 'You may also like', 'Ten books to read']) {
      expect(markdown).not.toContain(noise);
    }
  });

  it('does not change the page it reads', () => {
    const doc = loadDocument('article-clutter.html');
    const before = doc.documentElement.outerHTML;
    extractArticle(doc, 'https://news.example/story');
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('keeps tables, code and figures of the rich article', () => {
    const doc = loadDocument('article-rich.html');
    const clip = clipArticle(doc, 'https://example.com/blog/rich-article');
    expect(clip.title).toBe('How to write rich articles');
    expect(clip.markdown).toContain('| Alpha | 0.95 |');
    expect(clip.markdown).toContain('```typescript');
    expect(clip.markdown).toContain('![A photo](https://example.com/blog/images/photo.png)');
    expect(clip.markdown).not.toContain('Copyright footer');
  });
});
