/**
 * HTML → markdown for Anytype's paste path (FACTS.md: headings, lists, GFM tables, fenced code and
 * quotes survive; raw HTML does not). Every element either maps to markdown or is dropped to its
 * text, so no tag of the page reaches the vault; URLs are made absolute and scheme-checked.
 */
import { tables, strikethrough, taskListItems } from '@joplin/turndown-plugin-gfm';
import TurndownService from 'turndown';
import { hasDescendant } from './dom';
import { prepareTables } from './tables';
import { imageSource, safeImageUrl, safeLinkUrl } from './url';

/** Elements whose content is never reading matter (or is active content). */
const DROP = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'canvas', 'math',
  'button', 'input', 'select', 'textarea', 'dialog', 'audio', 'video', 'map', 'head', 'title', 'meta', 'link',
]);

function codeLanguage(pre: Element): string {
  const code = pre.querySelector('code');
  const candidates: (Element | null | undefined)[] = [code, pre, pre.parentElement, pre.parentElement?.parentElement];
  for (const el of candidates) {
    if (!el) continue;
    const data = el.getAttribute('data-lang') ?? el.getAttribute('data-language');
    if (data && /^[\w+#.-]{1,30}$/.test(data)) return data.toLowerCase();
    const cls = el.getAttribute('class') ?? '';
    const m = cls.match(/(?:^|\s)(?:language|lang|highlight-source|brush:)-?\s*([\w+#.-]{1,30})/i);
    if (m?.[1]) return m[1].toLowerCase();
  }
  return '';
}

function fence(code: string): string {
  // The fence must be longer than any backtick run inside the code, or the block ends early.
  const longest = Math.max(0, ...(code.match(/`+/g) ?? []).map((run) => run.length));
  return '`'.repeat(Math.max(3, longest + 1));
}

function linkTitle(el: Element): string {
  const title = (el.getAttribute('title') ?? '').replace(/\s+/g, ' ').trim();
  return title ? ` "${title.replace(/["\\]/g, '\\$&')}"` : '';
}

/** Link destinations go in <…> when they contain spaces or parentheses that would end them. */
export function destination(url: string): string {
  const escaped = url.replace(/[<>]/g, encodeURIComponent);
  return /[\s()]/.test(escaped) ? `<${escaped}>` : escaped;
}

function escapeAlt(alt: string): string {
  return alt.replace(/\s+/g, ' ').trim().replace(/[\\[\]<]/g, '\\$&');
}

function isFootnoteReference(el: Element): boolean {
  const href = el.getAttribute('href') ?? '';
  return href.startsWith('#') && /^\[?\d{1,4}\]?$/.test((el.textContent ?? '').trim());
}

/**
 * What any of Turndown's 13 escapes (or ours, `<`) would change. Most text nodes hold none of it, and
 * they skip the 14 replacements, each a pattern compiled afresh in every page a clip runs in.
 */
const NEEDS_ESCAPE = /[\\*`[\]_<]|^(?:[-=>]|\+ |#{1,6} |~~~|\d+\. )/;

export interface MarkdownOptions {
  /** Base for relative URLs (page URL, or `<base href>`). */
  baseUrl: string;
  /** Chooses what an image's destination is (default: its safe absolute URL); the clipper marks images to inline. */
  imageUrl?: (source: string | null, baseUrl: string) => string | undefined;
}

export function createConverter({ baseUrl, imageUrl = safeImageUrl }: MarkdownOptions): TurndownService {
  const service = new TurndownService({
    headingStyle: 'atx',
    bulletListMarker: '-',
    codeBlockStyle: 'fenced',
    emDelimiter: '_',
    strongDelimiter: '**',
    hr: '---',
  });
  // Turndown leaves "<" alone in text; escape it so text such as "<img onerror=…>" stays text.
  const escapeMarkdown = service.escape.bind(service);
  service.escape = (text: string) => (NEEDS_ESCAPE.test(text) ? escapeMarkdown(text).replace(/</g, '\\<') : text);

  // The plugin's `keep` would pass some tables through as raw HTML; prepareTables() flattens
  // those tables first and this proxy drops the keep, so tables are always markdown or text.
  const tablesHost = {
    options: service.options,
    isCodeBlock: () => false,
    keep: () => tablesHost,
    addRule: (key: string, rule: TurndownService.Rule) => {
      service.addRule(key, rule);
      return tablesHost;
    },
  };
  tables(tablesHost as unknown as TurndownService);
  service.use([strikethrough, taskListItems]);

  service.remove((node) => DROP.has(node.nodeName.toLowerCase()));

  service.addRule('fencedCode', {
    filter: (node) => node.nodeName === 'PRE',
    replacement: (_content, node) => {
      const el = node as Element;
      const code = (el.textContent ?? '').replace(/\n$/, '');
      const f = fence(code);
      return `\n\n${f}${codeLanguage(el)}\n${code}\n${f}\n\n`;
    },
  });

  service.addRule('safeLink', {
    filter: (node) => node.nodeName === 'A',
    replacement: (content, node) => {
      const el = node as Element;
      const text = content.trim();
      if (isFootnoteReference(el)) return `[${text.replace(/^\\?\[|\\?\]$/g, '')}]`.replace(/[[\]]/g, '\\$&');
      const raw = el.getAttribute('href');
      // In-page anchors do not exist once the text is in Anytype: keep the text only.
      if (!raw || raw.trim().startsWith('#')) return content;
      const url = safeLinkUrl(raw, baseUrl);
      if (!url || !text) return content;
      return `[${content}](${destination(url)}${linkTitle(el)})`;
    },
  });

  service.addRule('safeImage', {
    filter: (node) => node.nodeName === 'IMG',
    replacement: (_content, node) => {
      const el = node as Element;
      // 1×1 images are tracking pixels, not pictures.
      if (el.getAttribute('width') === '1' && el.getAttribute('height') === '1') return '';
      const url = imageUrl(imageSource(el), baseUrl);
      if (!url) return '';
      return `![${escapeAlt(el.getAttribute('alt') ?? '')}](${destination(url)}${linkTitle(el)})`;
    },
  });

  // A <picture>'s <source> elements are alternatives of its <img>; the img rule picks the best.
  service.addRule('pictureSource', { filter: ['source', 'track'], replacement: () => '' });

  service.addRule('footnoteMarker', {
    filter: (node) => node.nodeName === 'SUP' && node.textContent?.trim() !== '',
    replacement: (content) => content,
  });
  return service;
}

const TABLE = new Set(['table']);

/** Converts an element or fragment (never a string: page data is not re-parsed as HTML here). */
export function htmlToMarkdown(root: Element | DocumentFragment, options: MarkdownOptions): string {
  // Turndown converts a copy of its own. A copy of ours, to reshape tables in, is made only when
  // there are tables: a deep copy is the dearest DOM work here (most articles have none).
  let work = root;
  if (hasDescendant(root, TABLE)) {
    work = root.cloneNode(true) as Element | DocumentFragment;
    prepareTables(work);
  }
  const md = createConverter(options).turndown(work as unknown as HTMLElement);
  return tidy(md);
}

/** Collapses the blank-line runs left by dropped blocks and trims trailing spaces except hard breaks. */
export function tidy(md: string): string {
  return md
    .replace(/[ \t]+$/gm, (m) => (m === '  ' ? m : ''))
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
