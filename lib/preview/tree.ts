/**
 * What the popup's preview may draw: a tree of a few kinds of node, each of which the renderer
 * (components/clip/PreviewTree.tsx) turns into one element of PREVIEW_TAGS with only the attributes
 * of PREVIEW_ATTRIBUTES. The tree is built from a Markdown parser's tokens (./markdown-tree.ts):
 * raw HTML in the Markdown is text here, never markup, and a URL becomes a link or a picture only
 * when it passes the checks below.
 */

export const PREVIEW_TAGS = [
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'blockquote',
  'pre',
  'code',
  'em',
  'strong',
  'del',
  'hr',
  'br',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
] as const;
export type PreviewTag = (typeof PREVIEW_TAGS)[number];

/**
 * Every element and attribute the rendered preview may hold (a test walks the DOM against it).
 * `a` and `img` are made by the renderer only, from link and image nodes; `span` is a picture's placeholder.
 */
export const PREVIEW_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  ...Object.fromEntries(PREVIEW_TAGS.map((tag) => [tag, []])),
  ol: ['start'],
  a: ['href', 'target', 'rel', 'referrerpolicy', 'class'],
  img: ['src', 'alt', 'class', 'loading', 'decoding'],
  span: ['class'],
};

export interface PreviewText {
  kind: 'text';
  text: string;
}

export interface PreviewElement {
  kind: 'element';
  tag: PreviewTag;
  /** An ordered list's first number, when not 1. */
  start?: number;
  children: PreviewNode[];
}

export interface PreviewLink {
  kind: 'link';
  /** Always an http(s) address (previewHref). */
  href: string;
  children: PreviewNode[];
}

export interface PreviewImage {
  kind: 'image';
  alt: string;
  /** A raster picture inlined in the clip (thumbnailSource): drawn as a thumbnail. */
  thumbnail?: string;
  /** Where Anytype will fetch a linked picture from: drawn as a placeholder, the popup fetches nothing. */
  host?: string;
}

export type PreviewNode = PreviewText | PreviewElement | PreviewLink | PreviewImage;

const WEB_URL = /^https?:\/\//i;

/** The address a link of the preview may point to: http(s) only; anything else stays text. */
export function previewHref(url: string): string | undefined {
  if (!WEB_URL.test(url)) return undefined;
  try {
    return new URL(url).href;
  } catch {
    return undefined;
  }
}

/** Inlined raster pictures only: no SVG (it can hold script and markup), nothing fetched from anywhere. */
const RASTER_DATA = /^data:image\/(?:png|jpeg|gif|webp|avif|bmp);base64,[a-z0-9+/]*={0,2}$/i;

export function thumbnailSource(url: string): string | undefined {
  return RASTER_DATA.test(url) ? url : undefined;
}

/** The host a linked picture would come from, to name it on its placeholder. */
export function imageHost(url: string): string | undefined {
  const href = previewHref(url);
  return href ? new URL(href).host : undefined;
}
