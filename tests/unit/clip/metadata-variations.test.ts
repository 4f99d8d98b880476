/**
 * Metadata on generated page shapes (fast-check, fixed seed): titles with every separator and a
 * site name on either side or a teaser og:title, bylines in their usual shapes with dates and
 * roles around the names, and published times in every time zone. No page of any site.
 */
import fc from 'fast-check';
import { extractMetadata } from '../../../lib/clip/metadata';
import { bylineCredit, bylineNames } from '../../../lib/clip/metadata-byline';
import { calendarDay } from '../../../lib/clip/metadata-date';
import { parseHtml } from './helpers';

const SEED = { seed: 18, numRuns: 150 };

const word = fc.constantFrom('river', 'council', 'budget', 'storm', 'quantum', 'vote', 'harbour', 'election', 'music', 'school', 'rocket', 'price');
const headline = fc.array(word, { minLength: 3, maxLength: 9 }).map((w) => w.join(' ').replace(/^./, (c) => c.toUpperCase()));
const siteName = fc.constantFrom('Daily Example', 'The Example Times', 'Example News', 'EX', 'Example.com');
const separator = fc.constantFrom(' | ', ' - ', ' – ', ' — ', ' · ', ' » ', ' :: ', ' / ');
const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

function page(head: string, body: string): Document {
  return parseHtml(`<html><head>${head}</head><body>${body}</body></html>`);
}

describe('title: the visible headline', () => {
  it('drops the site name on either side of any separator, with or without a matching h1', () => {
    fc.assert(
      fc.property(headline, siteName, separator, fc.boolean(), fc.boolean(), fc.boolean(), (h, site, sep, siteFirst, withH1, withOgSite) => {
        const title = siteFirst ? `${site}${sep}${h}` : `${h}${sep}${site}`;
        const doc = page(
          `<title>${escapeHtml(title)}</title>${withOgSite ? `<meta property="og:site_name" content="${escapeHtml(site)}">` : ''}`,
          withH1 ? `<header><h1>${escapeHtml(site)}</h1></header><article><h1>${escapeHtml(h)}</h1><p>Text.</p></article>` : '<p>Text.</p>',
        );
        const meta = extractMetadata(doc, 'https://example.com/a');
        expect(meta.title).toBe(h);
      }),
      SEED,
    );
  });

  it('prefers the h1 the <title> names over a teaser og:title', () => {
    fc.assert(
      fc.property(headline, headline, siteName, separator, (h, teaser, site, sep) => {
        fc.pre(teaser !== h);
        const doc = page(
          `<title>${escapeHtml(h + sep + site)}</title><meta property="og:title" content="${escapeHtml(teaser)}">`,
          `<article><h1>  ${escapeHtml(h)} </h1><p>Text.</p></article>`,
        );
        expect(extractMetadata(doc, 'https://example.com/a').title).toBe(h);
      }),
      SEED,
    );
  });

  it('keeps a headline that holds a dash of its own', () => {
    const doc = page('<title>Python 3.13 - what is new in it | Example News</title>', '<h1>Python 3.13 - what is new in it</h1>');
    expect(extractMetadata(doc, 'https://example.com/a').title).toBe('Python 3.13 - what is new in it');
  });

  it('reads entities escaped twice as their characters', () => {
    const doc = page('<meta property="og:title" content="It doesn&amp;#8217;t run">', '');
    expect(extractMetadata(doc, 'https://example.com/a').title).toBe('It doesn’t run');
  });
});

const first = fc.constantFrom('Ada', 'Grace', 'Jane', 'Lia', 'Omar', 'Zoë', 'María');
const last = fc.constantFrom('Lovelace', 'Hopper', 'Roe', 'Steinbuch', 'Nadalim', 'van der Berg', 'Okafor');
const person = fc.tuple(first, last).map(([a, b]) => `${a} ${b}`);
const people = fc.uniqueArray(person, { minLength: 1, maxLength: 3 });
const by = fc.constantFrom('By ', 'by ', 'BY: ', 'Written by ', '');
const tail = fc.constantFrom('', ' | March 5, 2024', ' — 5 March 2024', ' - Updated 10:30 AM', ', Staff Writer');

function joinNames(names: string[], style: number): string {
  if (names.length === 1) return names[0]!;
  if (style === 0) return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  if (style === 1) return names.join(' & ');
  return names.join(', ');
}

describe('author', () => {
  it('reads the names of a visible byline in its usual shapes, never "By" or a date', () => {
    fc.assert(
      fc.property(people, by, tail, fc.integer({ min: 0, max: 2 }), fc.constantFrom('byline', 'author-name', 'meta-author'), (names, prefix, after, style, cls) => {
        const doc = page('<title>Storm hits</title>', `<article><h1>Storm hits</h1><div class="${cls}">${prefix}${joinNames(names, style)}${after}</div><p>Text.</p></article>`);
        expect(extractMetadata(doc, 'https://example.com/a').authors).toEqual(names);
      }),
      SEED,
    );
  });

  it('takes declared authors first, several joined, and not the publisher posing as one', () => {
    const doc = page(
      `<meta property="og:site_name" content="Example News"><meta name="author" content="Example News">
       <script type="application/ld+json">{"@type":"NewsArticle","author":[{"@type":"Person","name":"Ada Lovelace"},{"name":"Grace Hopper"}]}</script>`,
      '<h1>T</h1><span class="byline">By Someone Else</span>',
    );
    expect(extractMetadata(doc, 'https://example.com/a').authors).toEqual(['Ada Lovelace', 'Grace Hopper']);
    const onlyPublisher = page('<meta property="og:site_name" content="Example News"><meta name="author" content="Example News">', '<h1>T</h1><a rel="author" href="/jane">Jane Roe</a>');
    expect(extractMetadata(onlyPublisher, 'https://example.com/a').authors).toEqual(['Jane Roe']);
  });

  it('cuts a byline at its date, also glued to the name or led by a weekday', () => {
    fc.assert(
      fc.property(people, fc.integer({ min: 0, max: 2 }), fc.constantFrom('November 15, 2019', 'Monday, November 18, 2019, 04:05 pm PT', '27/09/2018 Comente!', '2019-11-20 10:43'), fc.constantFrom(' ', ''), (names, style, date, gap) => {
        const glued = gap === '' && /^\d/.test(date) ? ' ' : gap;
        expect(bylineNames(`By ${joinNames(names, style)}${glued}${date}`)).toEqual(names);
      }),
      SEED,
    );
  });

  // A name is all a meta tag gives: a credit there is told from a person by its role word ("Staff").
  // JSON-LD types it (Organization), a byline stands first.
  const newsroom = fc.constantFrom('HNN Staff', 'Staff Reports', 'Example Post Staff', 'Daily Example Editorial Staff');
  const anyNewsroom = fc.oneof(newsroom, fc.constantFrom('Example Sport', 'Example News'));

  it('keeps a newsroom credit where no person is named, and a person over it wherever one is', () => {
    fc.assert(
      fc.property(newsroom, anyNewsroom, person, fc.constantFrom('meta', 'byline', 'jsonld-org'), fc.boolean(), (roleCredit, typedCredit, someone, where, withPerson) => {
        const credit = where === 'meta' ? roleCredit : typedCredit;
        const head =
          where === 'meta'
            ? `<meta name="author" content="${credit}">`
            : where === 'jsonld-org'
              ? `<script type="application/ld+json">{"@type":"NewsArticle","author":{"@type":"Organization","name":"${credit}"}}</script>`
              : '';
        const byline = where === 'byline' ? `<div class="byline">By ${credit} | March 5, 2024</div>` : '';
        const person = withPerson ? `<p class="author-name">By ${someone}</p>` : '';
        const doc = page(head, `<article><h1>Storm hits</h1>${byline}${person}<p>Text.</p></article>`);
        expect(extractMetadata(doc, 'https://example.com/a').authors).toEqual(withPerson && where !== 'byline' ? [someone] : [credit]);
      }),
      SEED,
    );
  });

  it('takes the first byline after the headline, not a related story’s further down', () => {
    const doc = page(
      '<meta name="author" content="HNN Staff">',
      '<article><h1>Storm hits</h1><div class="byline">By HNN Staff | November 18, 2019 at 2:26 PM</div><p>Text.</p></article><section><div class="card"><span class="byline">By</span><h3 class="byline">Lisa Kubota</h3></div></section>',
    );
    expect(extractMetadata(doc, 'https://example.com/a').authors).toEqual(['HNN Staff']);
  });

  it('reads an article footer’s byline but not the page footer’s, nor a container holding the headline', () => {
    const inArticle = page('<meta property="og:site_name" content="Example">', '<article><h1>Storm hits</h1><p>Text.</p><footer class="article-author"><span class="byline__author-name">Jane Roe</span></footer></article>');
    expect(extractMetadata(inArticle, 'https://example.com/a').authors).toEqual(['Jane Roe']);
    const pageFooter = page('', '<main><h1>Storm hits</h1><p>Text.</p></main><footer><span class="author">Site Owner Person</span></footer>');
    expect(extractMetadata(pageFooter, 'https://example.com/a').authors).toEqual([]);
    const container = page(
      '',
      '<article class="entry author-jane-roe" itemscope itemtype="http://schema.org/BlogPosting"><span itemprop="publisher" itemscope><meta itemprop="name" content="Example Blog"></span><h1>Storm hits</h1><div class="entry-byline"><span class="entry-author" itemprop="author" itemscope><span itemprop="name">Jane Roe</span></span> 27/09/2018</div></article>',
    );
    expect(extractMetadata(container, 'https://example.com/a').authors).toEqual(['Jane Roe']);
  });

  it('reads a name and a role in elements of their own apart', () => {
    fc.assert(
      fc.property(person, fc.constantFrom('News reporter', 'Senior Correspondent', 'Staff Writer'), (someone, role) => {
        const doc = page('', `<article><h1>Storm hits</h1><div class="article-author"><h3>${someone}</h3><p>${role} <a href="https://x.example/@h">@handle</a></p></div><p>Text.</p></article>`);
        expect(extractMetadata(doc, 'https://example.com/a').authors).toEqual([someone]);
      }),
      SEED,
    );
  });

  it('takes no markup read as text for a name or a credit', () => {
    const doc = page('', '<article><h1>Storm hits</h1><div class="author-img">&lt;img src="https://cdn.example/a.png"&gt;</div><div class="byline">By Jane Roe</div></article>');
    expect(extractMetadata(doc, 'https://example.com/a').authors).toEqual(['Jane Roe']);
  });

  it('reads nothing from a byline that names no one', () => {
    for (const text of ['By', 'Updated March 5, 2024', '5 min read', 'By admin']) expect(bylineNames(text)).toEqual([]);
    for (const text of ['By', 'Senior Reporter', 'Staff Writer', 'Updated March 5, 2024', 'By admin']) expect(bylineCredit(text)).toBeUndefined();
  });
});

describe('published: the page’s own calendar day', () => {
  it('keeps the day written in the page, whatever its zone', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: -12 * 60, max: 14 * 60 }).map((m) => m - (m % 15)),
        fc.constantFrom('article', 'jsonld', 'time'),
        (instant, offset, where) => {
          // The page's wall clock at that offset, written as ISO with the offset.
          const wall = new Date(instant.getTime() + offset * 60_000);
          const sign = offset < 0 ? '-' : '+';
          const abs = Math.abs(offset);
          const zone = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
          const written = wall.toISOString().slice(0, 19) + zone;
          const day = wall.toISOString().slice(0, 10);
          const head = where === 'article' ? `<meta property="article:published_time" content="${written}">` : where === 'jsonld' ? `<script type="application/ld+json">{"@type":"Article","datePublished":"${written}"}</script>` : '';
          const body = where === 'time' ? `<article><h1>T</h1><p class="byline">By Jane Roe, <time datetime="${written}">then</time></p></article>` : '';
          expect(extractMetadata(page(head, body), 'https://example.com/a').published).toBe(day);
        },
      ),
      SEED,
    );
  });

  it('reads RFC 2822 dates on their own offset, and refuses what is no day', () => {
    expect(calendarDay('Tue, 05 Mar 2024 23:30:00 -0500')).toBe('2024-03-05');
    expect(calendarDay('Wed, 06 Mar 2024 01:30:00 +0200')).toBe('2024-03-06');
    expect(calendarDay('2019/11/19')).toBe('2019-11-19');
    expect(calendarDay('2024-02-31')).toBeUndefined();
    expect(calendarDay('soon')).toBeUndefined();
  });
});
