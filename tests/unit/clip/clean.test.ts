import { cleanArticle } from '../../../lib/clip/clean';
import { cleanedWith } from './helpers';

const clean = (html: string): Element => cleanedWith(cleanArticle, html);

describe('cleanArticle boilerplate lines', () => {
  it('drops tag lines and advert labels', () => {
    const root = clean(`
      <p>The stock car season opens in March at Interlagos.</p>
      <p>Advert</p>
      <p>Tags: stock car 2018, interlagos, calendar</p>
      <div>Filed under: Motorsport</div>`);
    expect(root.textContent).toContain('The stock car season opens');
    for (const gone of ['Advert', 'Tags:', 'Filed under']) expect(root.textContent).not.toContain(gone);
  });

  it('keeps prose that mentions tags or adverts', () => {
    const root = clean(`
      <p>Categories of spending: food rose 3%, housing 2%, and the tags on luggage are now printed with barcodes.</p>
      <p>Advertisers spent more on television than expected this year, the report said.</p>`);
    expect(root.textContent).toContain('printed with barcodes');
    expect(root.textContent).toContain('Advertisers spent more');
  });
});
