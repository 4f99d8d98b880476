/**
 * A video's transcript as the page shows it: the transcript panel a person opens under a YouTube
 * video ("Show transcript") puts every caption line in the DOM with its start time. Reading it
 * needs no permission and no request; when the panel is closed there is nothing to read, and the
 * clip keeps the description alone (video.ts). Lines are grouped into paragraphs of about half a
 * minute to a minute, ending at a sentence where one ends, each with its start time.
 */

/** Both panel shapes YouTube has shipped: the segment renderer and the newer view model. */
const SEGMENT = 'ytd-transcript-segment-renderer, transcript-segment-view-model';
/** A chapter title inside the panel. */
const CHAPTER = 'ytd-transcript-section-header-renderer, timeline-chapter-view-model';
const TIMESTAMP = /^(?:(\d{1,2}):)?(\d{1,2}):(\d{2})$/;
/** The spoken length read out for screen readers beside the timestamp ("1 minute, 5 seconds"). */
const SPOKEN_TIME = /^\d+\s+\p{L}+(?:,?\s+\d+\s+\p{L}+)*$/u;

export interface TranscriptLine {
  seconds: number;
  text: string;
}

export type TranscriptPart = { kind: 'chapter'; title: string } | { kind: 'paragraph'; seconds: number; text: string };

export function timestampSeconds(text: string): number | undefined {
  const m = TIMESTAMP.exec(text.trim());
  if (!m) return undefined;
  return Number(m[1] ?? 0) * 3600 + Number(m[2]) * 60 + Number(m[3]);
}

export function formatTimestamp(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

function squeeze(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The texts of an element's leaves, in order. */
function leafTexts(el: Element): string[] {
  const out: string[] = [];
  const walker = el.ownerDocument.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = squeeze(node.nodeValue ?? '');
    if (text) out.push(text);
  }
  return out;
}

/** One segment: its first timestamp-shaped text is the time; the rest, less the spoken time, is what is said. */
function readSegment(el: Element): TranscriptLine | undefined {
  let seconds: number | undefined;
  const words: string[] = [];
  for (const text of leafTexts(el)) {
    const time = seconds === undefined ? timestampSeconds(text) : undefined;
    if (time !== undefined) seconds = time;
    else if (!SPOKEN_TIME.test(text)) words.push(text);
  }
  const text = squeeze(words.join(' '));
  return seconds === undefined || !text ? undefined : { seconds, text };
}

/** Segments and chapter titles of the open transcript panel, in order; empty when none is open. */
export function transcriptFromPanel(doc: Document): (TranscriptLine | { chapter: string })[] {
  const out: (TranscriptLine | { chapter: string })[] = [];
  for (const el of Array.from(doc.querySelectorAll(`${SEGMENT}, ${CHAPTER}`))) {
    if (el.matches(CHAPTER)) {
      const title = squeeze(leafTexts(el).join(' '));
      if (title) out.push({ chapter: title });
      continue;
    }
    const line = readSegment(el);
    if (line) out.push(line);
  }
  return out;
}

const SENTENCE_END = /[.?!…]["'”’)\]]?$/;

/** Lines into paragraphs: a new one after a sentence that ends past 30 s, after 60 s in any case, and at each chapter. */
export function transcriptParagraphs(lines: readonly (TranscriptLine | { chapter: string })[]): TranscriptPart[] {
  const out: TranscriptPart[] = [];
  let current: { seconds: number; texts: string[] } | undefined;
  const close = () => {
    if (current) out.push({ kind: 'paragraph', seconds: current.seconds, text: current.texts.join(' ') });
    current = undefined;
  };
  for (const line of lines) {
    if ('chapter' in line) {
      close();
      out.push({ kind: 'chapter', title: line.chapter });
      continue;
    }
    if (current) {
      const elapsed = line.seconds - current.seconds;
      const last = current.texts[current.texts.length - 1] ?? '';
      if (elapsed >= 60 || (elapsed >= 30 && SENTENCE_END.test(last))) close();
    }
    if (!current) current = { seconds: line.seconds, texts: [] };
    current.texts.push(line.text);
  }
  close();
  return out;
}
