import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { capturePage } from '../../../lib/capture/capture-page';
import { CapturedPageSchema } from '../../../lib/capture/schema';

function page(html: string): Document {
  document.documentElement.innerHTML = html;
  return document;
}

const ARTICLE = `<head><title>Tab &lt;title&gt;</title>
<meta property="og:title" content="&lt;img src=x onerror=alert(1)&gt; Story">
<meta name="description" content="${'d'.repeat(9000)}"></head>
<body><article><h1>Story</h1>${'<p>Some real paragraph text that goes on for a while, with words.</p>'.repeat(8)}</article></body>`;

describe('capturePage', () => {
  it('returns what the background accepts, with page text kept as text', () => {
    const result = capturePage(page(ARTICLE), null, 'article');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(v.safeParse(CapturedPageSchema, result.page).success).toBe(true);
    expect(result.page.title).toBe('<img src=x onerror=alert(1)> Story');
    expect(result.page.markdown).toContain('Some real paragraph');
    expect(result.page.metadata.description?.length).toBe(5000);
  });

  it('bookmarks carry metadata and no body', () => {
    const result = capturePage(page(ARTICLE), null, 'bookmark');
    expect(result).toMatchObject({ ok: true, page: { mode: 'bookmark', markdown: '' } });
  });

  it('falls back to the article when nothing is selected, and says so', () => {
    const doc = page(ARTICLE);
    const result = capturePage(doc, doc.getSelection(), 'selection');
    expect(result).toMatchObject({ ok: true, page: { selectionEmpty: true } });
  });
});
