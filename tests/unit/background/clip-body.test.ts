/**
 * Whatever a page supplies (its description, title and URL, the selected markup) and whatever the
 * person types into the note, the body of the clip holds no raw HTML and no link outside
 * http:, https: and mailto: (anytype: deep links included), as an independent parser reads it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildClip, type ClipChoices, type ClipSource } from '../../../lib/background/clip-builder';
import type { CapturedPage } from '../../../lib/capture/schema';
import { htmlToMarkdown } from '../../../lib/clip/markdown';
import { LINK_SCHEMES, WEB_SCHEMES } from '../../../lib/clip/url';
import { ALLOWED_IMAGE_SCHEMES, ALLOWED_LINK_SCHEMES, unsafeMarkdown } from '../clip/markdown-oracle';

const HOSTILE_URLS = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'java\nscript:alert(1)',
  ' javascript:alert(1)',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  'data:text/html,<script>alert(1)</script>',
  'data:image/svg+xml;base64,PHN2Zz4=',
  'blob:https://evil.example/1',
  'anytype://invite/?cid=x&key=y',
  'anytype://main/import/?type=experience&source=https://evil.example/x.zip',
  'tel:+100',
  'chrome://settings',
  'about:blank',
];
const FINE_URLS = ['https://ok.example/a (b)', 'http://ok.example/<img>', 'mailto:a@b.example', 'https://ok.example/?q=[x]'];

/** Pieces that mean something to markdown or HTML, mixed with anything at all. */
const PIECES = [
  '<', '>', '[', ']', '(', ')', '!', '`', '```', '~~~', '\\', '*', '_', '&', '#', '# ', '- ', '+ ', '1. ', '1) ', '    ',
  '\t', '\n', '\n\n', '\r', ':', '|', '---', '===', '<img src=x onerror=alert(1)>', '<script>alert(1)</script>',
  '<a href="javascript:alert(1)">x</a>', '<!-- x -->', '<![CDATA[x]]>', '<?php x ?>', '<svg onload=alert(1)>', '</div>',
  '](javascript:alert(1))', '[x](javascript:alert(1))', '![x](file:///etc/passwd)', '[x]: javascript:alert(1)',
  '[x]', '<javascript:alert(1)>', '<https://ok.example>', 'www.ok.example', 'a@b.example', '&lt;b&gt;', '&#60;b&#62;',
  ...HOSTILE_URLS,
];
const pageText = fc
  .array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...PIECES) }, { weight: 1, arbitrary: fc.string({ maxLength: 8 }) }), {
    maxLength: 14,
  })
  .map((parts) => parts.join(''));
const pageUrl = fc.oneof(fc.constantFrom(...HOSTILE_URLS, ...FINE_URLS), fc.webUrl());

const HTML_PIECES = [
  '<p>', '</p>', '<a href="javascript:alert(1)">', '<a href="anytype://invite/?cid=x">', '<a href="file:///x">',
  '<a href="https://ok.example/">', '<a href="mailto:a@b.example">', '<a href="tel:1">', '</a>', '<img src="javascript:x" alt="a">',
  '<img src="data:image/svg+xml;base64,PHN2Zz4=">', '<img src="https://ok.example/i.png" alt="<b>">', '<b>', '</b>', '<em>',
  '</em>', '<code>', '</code>', '<pre>', '</pre>', '<ul><li>', '</li></ul>', '<h2>', '</h2>', '<blockquote>', '</blockquote>',
  '<table><tr><td>', '</td></tr></table>', '<script>alert(1)</script>', '<svg onload="alert(1)"></svg>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>', '<template><img src=x onerror=alert(1)></template>', '<br>',
  '&lt;img src=x onerror=alert(1)&gt;', '&lt;script&gt;', '&amp;', '[x](javascript:alert(1))',
];
const selectedHtml = fc
  .array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...HTML_PIECES) }, { weight: 1, arbitrary: pageText }), { maxLength: 12 })
  .map((parts) => parts.join(''));

const MODES = ['article', 'selection', 'fullpage', 'bookmark', 'link', 'image'] as const;

function clipBody(source: ClipSource, choices: ClipChoices): string {
  return buildClip(source, choices, []).payload.markdown;
}

function captured(url: string, title: string, description: string, markdown: string): CapturedPage {
  return { mode: 'article', url, title, markdown, metadata: { authors: [], description } };
}

describe('the body of a clip', () => {
  it('allows exactly the schemes decided: http, https, mailto for links; http, https for images (anytype: is refused)', () => {
    expect([...LINK_SCHEMES].sort()).toEqual([...ALLOWED_LINK_SCHEMES].sort());
    expect([...WEB_SCHEMES].sort()).toEqual(ALLOWED_IMAGE_SCHEMES.filter((s) => s !== 'data:').sort());
    expect(LINK_SCHEMES.has('anytype:')).toBe(false);
  });

  it('holds no raw HTML and no link of another scheme, whatever the page and the note say', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...MODES),
        pageText,
        pageText,
        pageText,
        pageText,
        pageUrl,
        pageUrl,
        selectedHtml,
        (mode, title, description, note, typedTitle, url, target, html) => {
          // The selected markup goes through the converter the clipper runs in the page.
          const container = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html').body;
          const markdown = htmlToMarkdown(container, { baseUrl: /^https?:/.test(url) ? url : 'https://page.example/' });
          const body = clipBody(
            { pageUrl: url, pageTitle: title, captured: captured(url, title, description, markdown) },
            { mode, spaceId: 's', typeKey: 'page', title: typedTitle, note, targetUrl: target },
          );
          expect(unsafeMarkdown(body), body).toEqual({ html: false, links: [] });
        },
      ),
      { numRuns: 400, seed: 21 },
    );
  }, 60_000);

  it('keeps the text of the description, the title and the note readable (escaped, not dropped)', () => {
    const hostile = '<img src=x onerror=alert(1)> [x](javascript:alert(1)) *bold*';
    const bookmark = clipBody(
      { pageUrl: 'https://a.example/', pageTitle: hostile, captured: captured('https://a.example/', hostile, hostile, '') },
      { mode: 'bookmark', spaceId: 's', typeKey: 'bookmark', title: '', note: `- ${hostile}\n\n\n# mine` },
    );
    expect(bookmark).toBe(
      [
        '> \\- &lt;img src=x onerror=alert(1)> \\[x\\](javascript:alert(1)) \\*bold\\*\n>\n> \\# mine',
        '&lt;img src=x onerror=alert(1)> \\[x\\](javascript:alert(1)) \\*bold\\*',
      ].join('\n\n'),
    );
  });
});
