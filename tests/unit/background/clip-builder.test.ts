// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { buildClip } from '../../../lib/background/clip-builder';
import type { CapturedPage } from '../../../lib/capture/schema';

const captured: CapturedPage = {
  mode: 'article',
  url: 'https://news.example/story',
  title: 'A story',
  markdown: '# A story\n\nBody text.',
  metadata: {
    authors: ['Ada', 'Grace'],
    description: 'What happened',
    published: '2026-03-01T10:00:00Z',
    siteName: 'News',
  },
};
const properties = [
  { key: 'source', format: 'url' },
  { key: 'description', format: 'text' },
  { key: 'published', format: 'date' },
  { key: 'author', format: 'objects' },
];

describe('buildClip', () => {
  it('takes the source from the tab, and fills only properties the space has with the right format', () => {
    const input = buildClip(
      { pageUrl: 'https://news.example/story?ref=tab', pageTitle: 'Tab title', captured },
      { mode: 'article', spaceId: 's1', typeKey: 'page', title: '', tagNames: ['AI', 'ai', 'Go'] },
      properties,
    );
    expect(input.sourceUrl).toBe('https://news.example/story?ref=tab');
    expect(input.payload.name).toBe('A story');
    expect(input.payload.markdown).toBe('# A story\n\nBody text.');
    expect(input.payload.properties).toEqual([
      { key: 'source', url: 'https://news.example/story?ref=tab' },
      { key: 'description', text: 'What happened' },
      { key: 'published', date: '2026-03-01T10:00:00.000Z' },
    ]);
    expect(input.payload.tagNames).toEqual(['AI', 'Go']);
  });

  it('puts the note first as a quote', () => {
    const input = buildClip(
      { pageUrl: 'https://a.example/', pageTitle: 'A', captured },
      { mode: 'article', spaceId: 's1', typeKey: 'page', title: 'Mine', note: 'why\nthis' },
      [],
    );
    expect(input.payload.name).toBe('Mine');
    expect(input.payload.markdown.startsWith('> why\n> this\n\n# A story')).toBe(true);
  });

  it('saves a link as its own source, and an image as markdown that cannot break out of the link', () => {
    const link = buildClip(
      { pageUrl: 'https://a.example/page', pageTitle: 'Page' },
      { mode: 'link', spaceId: 's', typeKey: 'bookmark', title: '', targetUrl: 'https://b.example/x' },
      [],
    );
    expect(link.sourceUrl).toBe('https://b.example/x');
    expect(link.payload.name).toBe('https://b.example/x');
    const image = buildClip(
      { pageUrl: 'https://a.example/page', pageTitle: 'Page' },
      { mode: 'image', spaceId: 's', typeKey: 'image', title: 'A [cat]', targetUrl: 'https://img.example/a (1).png' },
      [],
    );
    expect(image.payload.markdown).toContain('![A \\[cat\\]](<https://img.example/a%20(1).png>)');
  });

  it('links the page only where its scheme may be linked, and keeps its title as escaped text', () => {
    const body = (pageUrl: string, pageTitle = 'A <b>page</b>') =>
      buildClip({ pageUrl, pageTitle }, { mode: 'link', spaceId: 's', typeKey: 'bookmark', title: '', targetUrl: 'https://b.example/' }, [])
        .payload.markdown;
    expect(body('https://a.example/p')).toBe('Linked from [A &lt;b>page&lt;/b>](https://a.example/p)');
    expect(body('mailto:a@b.example')).toBe('Linked from [A &lt;b>page&lt;/b>](mailto:a@b.example)');
    for (const refused of ['javascript:alert(1)', 'file:///etc/passwd', 'anytype://invite/?cid=x', 'tel:+1', 'data:text/html,x']) {
      expect(body(refused)).toBe('Linked from A &lt;b>page&lt;/b>');
    }
    expect(body('javascript:alert(1)', '')).toBe('Linked from javascript:alert(1)');
  });

  it('drops an image whose address may not be loaded, keeps the page link', () => {
    const image = (targetUrl: string) =>
      buildClip({ pageUrl: 'https://a.example/p', pageTitle: 'P' }, { mode: 'image', spaceId: 's', typeKey: 'image', title: 'x', targetUrl }, [])
        .payload.markdown;
    expect(image('https://i.example/a.png')).toBe('![x](https://i.example/a.png)\n\nFrom [P](https://a.example/p)');
    for (const refused of ['javascript:alert(1)', 'file:///a.png', 'data:image/svg+xml;base64,PHN2Zz4=', 'anytype://x']) {
      expect(image(refused)).toBe('From [P](https://a.example/p)');
    }
  });
});
