/**
 * Video pages clipped as articles. A YouTube watch page holds no article: what a person keeps of
 * it is the video's title, its channel, the day it was published, its description and, when the
 * transcript panel is open, what is said (video-transcript.ts). The page carries the first three
 * in the player data it is served with (`ytInitialPlayerResponse`, read as text from its script
 * element, never run) and in its VideoObject markup; after YouTube moves to another video without
 * a page load both are the first video's, so they count only when they name the video the address
 * shows, and the DOM of the watch view answers otherwise. Nothing is requested.
 */
import { parseInert } from './inert';
import { calendarDay } from './metadata-date';
import { formatTimestamp, transcriptFromPanel, transcriptParagraphs } from './video-transcript';

export interface VideoPage {
  videoId: string;
  /** `https://www.youtube.com/watch?v=…`: the address that stays right after in-page navigation. */
  watchUrl: string;
  title?: string;
  channel?: string;
  /** `YYYY-MM-DD`, the day as the page states it. */
  published?: string;
  description?: string;
  thumbnail?: string;
}

const VIDEO_ID = /^[\w-]{11}$/;

/** The video a YouTube address shows: /watch?v=, /shorts/, /live/, youtu.be/. */
export function youtubeVideoId(pageUrl: string): string | undefined {
  let url: URL;
  try {
    url = new URL(pageUrl);
  } catch {
    return undefined;
  }
  const host = url.hostname.toLowerCase();
  let id: string | null | undefined;
  if (host === 'youtu.be') id = url.pathname.slice(1);
  else if (/(?:^|\.)youtube(?:-nocookie)?\.com$/.test(host)) {
    id = url.pathname === '/watch' ? url.searchParams.get('v') : /^\/(?:shorts|live|embed)\/([^/]+)/.exec(url.pathname)?.[1];
  }
  return id && VIDEO_ID.test(id) ? id : undefined;
}

type Json = unknown;
type JsonObject = Record<string, Json>;

function obj(v: Json): JsonObject | undefined {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as JsonObject) : undefined;
}

function str(v: Json): string | undefined {
  if (typeof v === 'string') return v.trim() || undefined;
  const o = obj(v);
  // YouTube's text objects: { simpleText } or { runs: [{ text }] }.
  if (o && typeof o.simpleText === 'string') return str(o.simpleText);
  if (o && Array.isArray(o.runs)) return str(o.runs.map((r) => (obj(r)?.text as string) ?? '').join(''));
  return undefined;
}

/** The JSON object written after `marker` in a script's text, read by matching braces (strings respected). */
export function jsonObjectAfter(text: string, marker: string): JsonObject | undefined {
  const at = text.indexOf(marker);
  if (at < 0) return undefined;
  const start = text.indexOf('{', at + marker.length);
  if (start < 0) return undefined;
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) {
      try {
        return obj(JSON.parse(text.slice(start, i + 1)));
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

function playerResponse(doc: Document, videoId: string): JsonObject | undefined {
  for (const script of Array.from(doc.querySelectorAll('script:not([src])'))) {
    const text = script.textContent ?? '';
    if (!text.includes('ytInitialPlayerResponse')) continue;
    const response = jsonObjectAfter(text, 'ytInitialPlayerResponse');
    if (obj(response?.videoDetails)?.videoId === videoId) return response;
  }
  return undefined;
}

/** The page's schema.org VideoObject (JSON-LD), when it names this video. */
function videoObject(doc: Document, videoId: string): JsonObject | undefined {
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    let data: Json;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    for (const item of Array.isArray(data) ? data : [data]) {
      const o = obj(item);
      if (o && JSON.stringify(o['@type']).includes('VideoObject') && JSON.stringify([o.url, o.embedUrl, o['@id']]).includes(videoId)) return o;
    }
  }
  return undefined;
}

/** The text of the first element the first matching selector finds (most specific first). */
function textOf(doc: Document, ...selectors: string[]): string | undefined {
  for (const selector of selectors) {
    const text = doc.querySelector(selector)?.textContent?.replace(/[ \t]+/g, ' ').trim();
    if (text) return text;
  }
  return undefined;
}

/** The watch view's own DOM, for after in-page navigation left the served data behind. */
function fromWatchView(doc: Document): Pick<VideoPage, 'title' | 'channel' | 'description'> {
  return {
    title: textOf(doc, 'ytd-watch-metadata h1', '#above-the-fold h1', 'ytd-watch-flexy h1') ?? (doc.title.replace(/\s+-\s+YouTube\s*$/, '').trim() || undefined),
    channel: textOf(doc, 'ytd-watch-metadata ytd-channel-name a', '#owner ytd-channel-name a', 'ytd-video-owner-renderer ytd-channel-name'),
    description: textOf(doc, '#description-inline-expander yt-attributed-string', 'ytd-watch-metadata #description yt-attributed-string', '#description-inline-expander'),
  };
}

/** Metadata and the article both ask; the player data is large enough to read once per clip. */
const read = new WeakMap<Document, { url: string; video: VideoPage }>();

/** A YouTube watch page's video, or undefined for any other page. */
export function readVideoPage(doc: Document, pageUrl: string): VideoPage | undefined {
  const videoId = youtubeVideoId(pageUrl);
  if (!videoId) return undefined;
  const known = read.get(doc);
  if (known?.url === pageUrl) return known.video;
  const video = readVideo(doc, videoId);
  read.set(doc, { url: pageUrl, video });
  return video;
}

function readVideo(doc: Document, videoId: string): VideoPage {
  const player = playerResponse(doc, videoId);
  const details = obj(player?.videoDetails);
  const micro = obj(obj(obj(player?.microformat)?.playerMicroformatRenderer));
  const ld = videoObject(doc, videoId);
  const view = fromWatchView(doc);
  const ldAuthor = obj(ld?.author);
  const thumbs = obj(details?.thumbnail)?.thumbnails;
  const lastThumb = Array.isArray(thumbs) ? str(obj(thumbs[thumbs.length - 1])?.url) : undefined;
  return {
    videoId,
    watchUrl: `https://www.youtube.com/watch?v=${videoId}`,
    title: str(details?.title) ?? str(micro?.title) ?? str(ld?.name) ?? view.title,
    channel: str(details?.author) ?? str(micro?.ownerChannelName) ?? str(ldAuthor?.name) ?? str(ld?.author) ?? view.channel,
    published: calendarDay(str(micro?.publishDate) ?? str(micro?.uploadDate) ?? str(ld?.uploadDate) ?? str(ld?.datePublished)),
    description: str(details?.shortDescription) ?? str(micro?.description) ?? str(ld?.description) ?? view.description,
    thumbnail: lastThumb && /^https:\/\//.test(lastThumb) ? lastThumb : undefined,
  };
}

/**
 * The clip's body, built with text nodes only in an inert document of its own (inert.ts): the description (its blank
 * lines part paragraphs, its other line breaks kept), then, after a rule, the transcript with each
 * paragraph's start time linking to that moment.
 */
export function videoArticle(video: VideoPage, page: Document): Element {
  const transcript = transcriptParagraphs(transcriptFromPanel(page));
  const doc = parseInert('<!DOCTYPE html><div></div>', page);
  const root = doc.body.firstElementChild ?? doc.createElement('div');
  for (const block of (video.description ?? '').split(/\n\s*\n/)) {
    const lines = block.split('\n').map((l) => l.trim()).filter(Boolean);
    if (!lines.length) continue;
    const p = doc.createElement('p');
    lines.forEach((line, i) => {
      if (i) p.append(doc.createElement('br'));
      p.append(line);
    });
    root.append(p);
  }
  if (transcript.length) root.append(doc.createElement('hr'));
  for (const part of transcript) {
    if (part.kind === 'chapter') {
      const h = doc.createElement('h3');
      h.textContent = part.title;
      root.append(h);
      continue;
    }
    const p = doc.createElement('p');
    const a = doc.createElement('a');
    a.href = `${video.watchUrl}&t=${part.seconds}s`;
    a.textContent = formatTimestamp(part.seconds);
    p.append(a, ` ${part.text}`);
    root.append(p);
  }
  return root;
}
