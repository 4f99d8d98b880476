import { removeLinkPromos } from '../../../lib/clip/promos';
import { cleanedWith } from './helpers';

const clean = (html: string): Element => cleanedWith(removeLinkPromos, html);

describe('removeLinkPromos', () => {
  it('drops a paragraph that is only a link to another story in capitals', () => {
    const root = clean(`
      <p>The company reported higher sales on Tuesday.</p>
      <p><a href="/other"><strong>CO-FOUNDER 'PROUD' OF THE STAFF LIVING THEIR DREAM</strong></a></p>
      <p>SEE MORE: <a href="/more">STORM CLOSES SCHOOLS ACROSS THE REGION</a></p>
      <p>Analysts had expected less.</p>`);
    expect(root.textContent).not.toContain('CO-FOUNDER');
    expect(root.textContent).not.toContain('STORM CLOSES');
    expect(root.querySelectorAll('p')).toHaveLength(2);
  });

  it('keeps prose paragraphs with links, linked sentences in normal case and short capital words', () => {
    const root = clean(`
      <p>The report by <a href="/nasa">NASA</a> found WATER ON THE MOON in several craters.</p>
      <p><a href="/report">Read the full report on the agency's website.</a></p>
      <p><a href="/fbi">FBI</a></p>`);
    expect(root.querySelectorAll('p')).toHaveLength(3);
  });
});
