import { removeCaptions } from '../../../lib/clip/captions';
import { cleanedWith } from './helpers';

const clean = (html: string): Element => cleanedWith(removeCaptions, html);

describe('removeCaptions', () => {
  it('drops figure captions and classed caption boxes beside a picture, keeping the picture', () => {
    const root = clean(`
      <p>The council met on Tuesday.</p>
      <figure><img src="a.png" alt="Council"><figcaption>The council chamber on Tuesday. (Photo: Jane Doe)</figcaption></figure>
      <div class="image-box"><img src="b.png"><span class="wp-caption-text">Protesters outside the hall.</span></div>`);
    expect(root.textContent).toContain('The council met on Tuesday.');
    expect(root.textContent).not.toContain('council chamber');
    expect(root.textContent).not.toContain('Protesters outside');
    expect(root.querySelectorAll('img')).toHaveLength(2);
  });

  it('keeps text named "caption" that is not beside a picture, and long prose', () => {
    const long = 'The caption of a law is its title, and this paragraph explains at length why it matters. '.repeat(7);
    const root = clean(`
      <p class="caption-summary">A caption contest drew 300 entries this year.</p>
      <figure><img src="c.png"><figcaption>${long}</figcaption></figure>`);
    expect(root.textContent).toContain('A caption contest drew 300 entries');
    expect(root.textContent).toContain('The caption of a law is its title');
  });
});
