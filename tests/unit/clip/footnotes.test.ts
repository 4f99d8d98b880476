import { clipArticle, htmlToMarkdown } from '../../../lib/clip/index';
import { loadDocument, parseHtml } from './helpers';

describe('footnotes become superscript numbers and a numbered list at the end', () => {
  for (const name of ['footnotes-kramdown.html', 'footnotes-wikipedia.html']) {
    it(name, () => {
      const { markdown } = clipArticle(loadDocument(name), 'https://notes.example/a');
      expect(markdown).toContain('dated to 1524.¹ Later printers made them common');
      expect(markdown).toContain('²');
      // The notes come last, after a rule, numbered in the order they are first referenced.
      const notes = markdown.slice(markdown.lastIndexOf('\n---\n'));
      expect(notes).toMatch(/\n1\. {2}.*Grafton.*\n2\. {2}Especially in the eighteenth century\.$/);
      // No way back, no bracketed numbers, no note left in the text above the rule.
      expect(markdown).not.toMatch(/↩|\^|\\\[1\\\]/);
      expect(markdown.indexOf('Especially in the eighteenth')).toBeGreaterThan(markdown.lastIndexOf('\n---\n'));
    });
  }

  it('numbers notes by first reference, whatever the page numbered them', () => {
    const doc = parseHtml(`<body><p>A<sup><a href="#n7">7</a></sup> then B<sup><a href="#n3">3</a></sup> and A again<sup><a href="#n7">7</a></sup>.</p>
      <ol><li id="n3">Note B.</li><li id="n7">Note A.</li></ol></body>`);
    expect(htmlToMarkdown(doc.body, { baseUrl: 'https://n.example/' })).toBe('A¹ then B² and A again¹.\n\n---\n\n1.  Note A.\n2.  Note B.');
  });

  it('leaves a reference alone when its note is not in the clip', () => {
    const doc = parseHtml('<body><p>Claim<sup><a href="#missing">1</a></sup>.</p></body>');
    expect(htmlToMarkdown(doc.body, { baseUrl: 'https://n.example/' })).toBe('Claim\\[1\\].');
  });
});
