/**
 * Video pages clipped as articles, on a synthetic saved YouTube watch page (tests/fixtures/clip/
 * video-youtube.html) and on generated transcript panels. No network: the clip reads the page only.
 */
import fc from 'fast-check';
import { clipArticle, extractMetadata } from '../../../lib/clip/index';
import { readVideoPage, youtubeVideoId } from '../../../lib/clip/video';
import { formatTimestamp, timestampSeconds, transcriptFromPanel, transcriptParagraphs } from '../../../lib/clip/video-transcript';
import { loadDocument, parseHtml } from './helpers';

const SEED = { seed: 6, numRuns: 100 };
const WATCH = 'https://www.youtube.com/watch?v=Tp00lsDawn1&list=PL1&index=2';

function withoutPanel(doc: Document): Document {
  for (const el of Array.from(doc.querySelectorAll('ytd-engagement-panel-section-list-renderer'))) el.remove();
  return doc;
}

describe('a YouTube watch page clipped as an article', () => {
  it('gives the title, channel, the page’s own publish day, description and cover from the player data', () => {
    const meta = extractMetadata(loadDocument('video-youtube.html'), WATCH);
    expect(meta).toMatchObject({
      title: 'Tide pools at dawn',
      authors: ['Coastal Notes'],
      // 23:30 at -08:00 is the 5th there, the 6th in UTC.
      published: '2024-03-05',
      siteName: 'YouTube',
      canonicalUrl: 'https://www.youtube.com/watch?v=Tp00lsDawn1',
      coverImage: 'https://i.ytimg.com/vi/Tp00lsDawn1/maxresdefault.jpg',
    });
    // The whole description, braces and quotes in it read right, not the head's cut-off one.
    expect(meta.description).toContain('Use the code {TIDE} "for" nothing');
    expect(meta.description).toContain('1:10 Anemones');
  });

  it('keeps the open transcript as timestamped paragraphs under chapter headings, and nothing of the page around it', () => {
    const clip = clipArticle(loadDocument('video-youtube.html'), WATCH);
    const md = clip.markdown;
    expect(clip.title).toBe('Tide pools at dawn');
    expect(md).toContain('We walk the tide pools at low tide.');
    expect(md).toContain('### Intro');
    expect(md).toContain('[0:00](https://www.youtube.com/watch?v=Tp00lsDawn1&t=0s) Good morning, and welcome back. Today the tide is very low so we can see the whole shelf.');
    expect(md).toContain('[0:41](https://www.youtube.com/watch?v=Tp00lsDawn1&t=41s) Watch your step on the green rocks.');
    expect(md.indexOf('### Anemones')).toBeLessThan(md.indexOf('[1:10](https://www.youtube.com/watch?v=Tp00lsDawn1&t=70s) These are giant green anemones. They close when the water leaves.'));
    for (const chrome of ['First!', 'Subscribe', 'Another video entirely', 'subscribers', 'YouTube Home', '...more']) expect(md).not.toContain(chrome);
  });

  it('is a bookmark with the description when no transcript is shown', () => {
    const clip = clipArticle(withoutPanel(loadDocument('video-youtube.html')), WATCH);
    expect(clip.markdown).toContain('We walk the tide pools at low tide.');
    expect(clip.markdown).not.toMatch(/\]\(https:\/\/www\.youtube\.com\/watch\?v=Tp00lsDawn1&t=/);
    expect(clip.metadata.authors).toEqual(['Coastal Notes']);
  });

  it('after in-page navigation, trusts the watch view over the first video’s player data and head', () => {
    const doc = withoutPanel(loadDocument('video-youtube.html'));
    doc.querySelector('ytd-watch-metadata h1')!.textContent = 'Kelp forests at noon';
    doc.querySelector('ytd-channel-name a')!.textContent = 'Other Channel';
    doc.querySelector('#description-inline-expander yt-attributed-string')!.textContent = 'Diving under the kelp.';
    const clip = clipArticle(doc, 'https://www.youtube.com/watch?v=Kelp0000Noo');
    expect(clip.metadata).toMatchObject({ title: 'Kelp forests at noon', authors: ['Other Channel'], canonicalUrl: 'https://www.youtube.com/watch?v=Kelp0000Noo' });
    expect(clip.metadata.published).toBeUndefined();
    expect(clip.metadata.coverImage).toBeUndefined();
    expect(clip.markdown).toBe('Diving under the kelp.');
  });

  it('knows a video address in each of its forms, and nothing else', () => {
    const id = fc.stringMatching(/^[\w-]{11}$/);
    fc.assert(
      fc.property(id, fc.constantFrom('www.youtube.com', 'm.youtube.com', 'youtube.com', 'music.youtube.com'), fc.constantFrom('watch', 'shorts', 'live'), (v, host, form) => {
        const url = form === 'watch' ? `https://${host}/watch?t=5&v=${v}` : `https://${host}/${form}/${v}?feature=share`;
        expect(youtubeVideoId(url)).toBe(v);
        expect(youtubeVideoId(`https://youtu.be/${v}?si=x`)).toBe(v);
        expect(youtubeVideoId(`https://${host}.example/watch?v=${v}`)).toBeUndefined();
        expect(youtubeVideoId(`https://${host}/results?search_query=${v}`)).toBeUndefined();
      }),
      SEED,
    );
    expect(readVideoPage(loadDocument('video-youtube.html'), 'https://example.com/watch?v=Tp00lsDawn1')).toBeUndefined();
  });
});

describe('transcript panels', () => {
  const spoken = (s: number) => `${Math.floor(s / 60)} minutes, ${s % 60} seconds`;
  const segment = (shape: 'renderer' | 'view-model', seconds: number, text: string) =>
    shape === 'renderer'
      ? `<ytd-transcript-segment-renderer><div class="segment"><div class="segment-timestamp">${formatTimestamp(seconds)}</div><yt-formatted-string class="segment-text">${text}</yt-formatted-string></div></ytd-transcript-segment-renderer>`
      : `<transcript-segment-view-model><div class="ytwTranscriptSegmentViewModelTimestamp">${formatTimestamp(seconds)}</div><div class="ytwTranscriptSegmentViewModelTimestampA11yLabel">${spoken(seconds)}</div><span class="yt-core-attributed-string">${text}</span></transcript-segment-view-model>`;
  const words = fc.array(fc.constantFrom('tide', 'rock', 'water', 'shell', 'crab', 'kelp', 'sand'), { minLength: 1, maxLength: 8 });
  const line = fc.tuple(words, fc.constantFrom('', '.', '?', '!', ',')).map(([w, end]) => w.join(' ') + end);
  const lines = fc.array(fc.tuple(fc.integer({ min: 1, max: 45 }), line), { minLength: 1, maxLength: 40 });

  it('reads every line once, in order, and starts each paragraph at its first line’s time, within a minute', () => {
    fc.assert(
      fc.property(lines, fc.constantFrom<'renderer' | 'view-model'>('renderer', 'view-model'), (gapsAndTexts, shape) => {
        const timed: { seconds: number; text: string }[] = [];
        for (const [gap, text] of gapsAndTexts) timed.push({ seconds: (timed.at(-1)?.seconds ?? 0) + gap, text });
        const doc = parseHtml(`<body><div id="segments">${timed.map((l) => segment(shape, l.seconds, l.text)).join('')}</div></body>`);
        const read = transcriptFromPanel(doc);
        expect(read).toEqual(timed);
        const paragraphs = transcriptParagraphs(read).filter((p) => p.kind === 'paragraph');
        expect(paragraphs.map((p) => p.text).join(' ')).toBe(timed.map((l) => l.text).join(' '));
        let i = 0;
        for (const p of paragraphs) {
          expect(p.seconds).toBe(timed[i]!.seconds);
          const count = p.text.split(' ').length;
          let taken = 0;
          const first = timed[i]!.seconds;
          while (taken < count) {
            // No line starts a minute or more after its paragraph began.
            expect(timed[i]!.seconds - first).toBeLessThan(60);
            taken += timed[i]!.text.split(' ').length;
            i++;
          }
        }
      }),
      SEED,
    );
  });

  it('writes and reads timestamps alike', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20 * 3600 }), (s) => {
        expect(timestampSeconds(formatTimestamp(s))).toBe(s);
      }),
      SEED,
    );
  });
});
