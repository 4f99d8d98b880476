/** The metadata differential's judge (bench/lib/metadata-agreement.ts) on generated titles and bylines. */
import fc from 'fast-check';
import { agrees, countAgreement, emptyCounts, rate, strictTitleRate } from '../../../bench/lib/metadata-agreement';
import { pageTitles } from '../../../bench/lib/page-titles';
import { parseHtml } from './helpers';

const SEED = { seed: 18, numRuns: 100 };
const word = fc.constantFrom('river', 'council', 'budget', 'storm', 'vote', 'harbour', 'rocket', 'price');
const title = fc.array(word, { minLength: 3, maxLength: 8 }).map((w) => w.join(' '));

describe('metadata agreement', () => {
  it('reads character references as text and a site suffix as the same title', () => {
    fc.assert(
      fc.property(title, fc.constantFrom(' | Example News', ' - Example', ''), (t, suffix) => {
        expect(agrees('title', `${t.replace(' ', '&nbsp;')}${suffix}`, t)).toBe(true);
      }),
      SEED,
    );
  });

  it('sets a date glued to a byline aside, but not a different name', () => {
    expect(agrees('byline', 'By Carrie ArnoldNovember 15, 2019', 'Carrie Arnold')).toBe(true);
    expect(agrees('byline', 'by Jeff FoustMonday, November 18, 2019', 'Jeff Foust')).toBe(true);
    expect(agrees('byline', 'Science X staff', 'European Space Agency')).toBe(false);
  });

  it('counts the shown headline over another declared title only under the headline rule', () => {
    fc.assert(
      fc.property(title, title, fc.boolean(), (shown, teaser, declaresShown) => {
        fc.pre(shown !== teaser);
        const doc = parseHtml(
          `<html><head><title>${declaresShown ? shown : 'Something else entirely here'} | Example</title><meta property="og:title" content="${teaser}"></head><body><h1>${shown}</h1></body></html>`,
        );
        const counts = emptyCounts();
        countAgreement(counts, 'p', { title: teaser }, { title: shown, page: pageTitles(doc) });
        expect(strictTitleRate(counts)).toBe(0);
        // A headline the page shows but does not declare is no title it gives itself.
        expect(rate(counts, 'title')).toBe(declaresShown ? 1 : 0);
      }),
      SEED,
    );
  });

  it('never excuses a title the page does not show', () => {
    const doc = parseHtml('<html><head><title>Storm hits the harbour | Example</title><meta property="og:title" content="Budget vote today"></head><body><h1>Storm hits the harbour</h1></body></html>');
    const counts = emptyCounts();
    countAgreement(counts, 'p', { title: 'Budget vote today' }, { title: 'Example', page: pageTitles(doc) });
    expect(rate(counts, 'title')).toBe(0);
  });
});
