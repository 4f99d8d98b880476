import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasNoiseName } from '../../../lib/clip/noise-names';

/** The pattern the word sets replaced: the same answers, without compiling it in each page. */
const ORACLE =
  /(?:^|[-_\s])(?:comments?|comment-?list|disqus|respond|related|recommended|recirc|more-?stories|read-?more|also-?read|newsletter|subscribe|signup|sign-up|share|sharing|social|follow-?us|promo|sponsor(?:ed)?|advert(?:isement)?|ads?|outbrain|taboola|paywall|breadcrumbs?|tags?|author-?bio|byline-?box|print-?only|skip-?link|toolbar|pagination|pager|gallery|slideshow|carousel|lightbox|modal|credits?|copyright|byline|dateline|timestamp|published|updated|author|meta-?data|kicker|trending|most-?(?:read|popular)|popular|teaser|widget|login|sign-?in|rail|swiper)(?:$|[-_\s\d])/;

const PIECES = [
  ...'comment comments list disqus respond related recommended recirc more stories read also newsletter subscribe sign up signup share sharing social follow us promo sponsor sponsored ed advert advertisement isement ad ads s outbrain taboola paywall breadcrumb breadcrumbs tag tags author bio byline box print only skip link toolbar pagination pager gallery slideshow carousel lightbox modal credit credits copyright dateline timestamp published updated meta data kicker trending most popular teaser widget login in rail swiper article body content main story'.split(
    ' ',
  ),
  'x',
  'a',
  'prose',
];
const SEPARATORS = ['-', '_', ' ', '\t', '--', '0', '2', '12'];

describe('hasNoiseName', () => {
  it.each([
    ['share-bar', true],
    ['post related_posts', true],
    ['ad2 top', true],
    ['readmore', true],
    ['read-more-link', true],
    ['most-read2', true],
    ['sign-up form', true],
    ['sharebar', false],
    ['article-body', false],
    ['2ads', false],
    ['read2-more', false],
    ['', false],
  ])('%j → %s', (names, noisy) => {
    expect(hasNoiseName(names)).toBe(noisy);
    expect(ORACLE.test(names)).toBe(noisy);
  });

  it('answers as the pattern does on names made of its words, parts of them, separators and digits', () => {
    const names = fc
      .array(fc.oneof(fc.constantFrom(...PIECES), fc.constantFrom(...SEPARATORS), fc.string({ maxLength: 3 })), { maxLength: 8 })
      .map((pieces) => pieces.join(''));
    fc.assert(
      fc.property(names, (text) => hasNoiseName(text) === ORACLE.test(text)),
      { numRuns: 20_000 },
    );
  });
});
