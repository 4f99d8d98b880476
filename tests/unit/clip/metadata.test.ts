import { extractMetadata } from '../../../lib/clip/metadata';
import { loadDocument, parseHtml } from './helpers';

describe('extractMetadata', () => {
  it('reads Open Graph, JSON-LD @graph, canonical and <base>', () => {
    const meta = extractMetadata(loadDocument('article-rich.html'), 'https://example.com/blog/rich-article?utm=1');
    expect(meta).toEqual({
      title: 'How to write rich articles',
      authors: ['Ada Lovelace', 'Grace Hopper'],
      published: '2024-03-05',
      siteName: 'Example Blog',
      description: 'A test article with every construct.',
      canonicalUrl: 'https://example.com/blog/rich-article',
      coverImage: 'https://example.com/img/cover.jpg',
      language: 'en',
    });
  });

  it('falls back to plain meta tags and the document title', () => {
    const meta = extractMetadata(loadDocument('article-clutter.html'), 'https://news.example/story');
    expect(meta.title).toBe('Clutter page');
    expect(meta.authors).toEqual(['Max Mustermann']);
    expect(meta.published).toBe('2023-11-02');
    expect(meta.canonicalUrl).toBe('https://news.example/story');
    expect(meta.language).toBe('de');
    expect(meta.coverImage).toBeUndefined();
  });

  it('reads citation_* tags of scholarly pages', () => {
    const doc = parseHtml(`<html><head>
      <meta name="citation_title" content="On Computable Numbers">
      <meta name="citation_author" content="Turing, Alan">
      <meta name="citation_author" content="Church, Alonzo">
      <meta name="citation_publication_date" content="1936/11/12">
      <meta name="citation_journal_title" content="Proceedings of the LMS">
      <meta name="citation_language" content="en_GB">
      </head><body></body></html>`);
    const meta = extractMetadata(doc, 'https://journal.example/paper');
    expect(meta.title).toBe('On Computable Numbers');
    expect(meta.authors).toEqual(['Turing, Alan', 'Church, Alonzo']);
    expect(meta.published).toBe('1936-11-12');
    expect(meta.siteName).toBe('Proceedings of the LMS');
    expect(meta.language).toBe('en-GB');
  });

  it('survives broken JSON-LD and reads NewsArticle authors given as strings', () => {
    const doc = parseHtml(`<html><head>
      <script type="application/ld+json">{ not json</script>
      <script type="application/ld+json">[{"@type":"NewsArticle","headline":"Hi","author":"Jane Roe","datePublished":"2020-01-02","image":{"url":"/i.png"}}]</script>
      </head><body></body></html>`);
    const meta = extractMetadata(doc, 'https://n.example/a/b');
    expect(meta.title).toBe('Hi');
    expect(meta.authors).toEqual(['Jane Roe']);
    expect(meta.published).toBe('2020-01-02');
    expect(meta.coverImage).toBe('https://n.example/i.png');
  });
});
