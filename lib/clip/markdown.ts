/**
 * HTML → markdown for Anytype's paste path (FACTS.md: headings, lists, GFM tables, fenced code and
 * quotes survive; raw HTML does not). Every element either maps to markdown or is dropped to its
 * text, so no tag of the page reaches the vault; URLs are made absolute and scheme-checked.
 *
 * One walk over the tree, one rule per element kind. The output follows Turndown's conventions
 * (blocks apart by one blank line, `-   ` list items, `_em_`, `**strong**`, the same escapes); a
 * converter of our own because a clip runs in a fresh page each time, and Turndown's general rule
 * engine cost more on that first run than all of its conversion work.
 */
import { BLOCK_TAGS, collapsedTexts, escapeMarkdown, oneLine } from './markdown-text';
import { tableMarkdown } from './markdown-table';
import { hasDescendant } from './dom';
import { type Footnotes, findFootnotes, superscript } from './footnotes';
import { formulaOf, texMarkdown } from './math';
import { prepareTables } from './tables';
import { imageSource, safeImageUrl, safeLinkUrl } from './url';

/** Elements whose content is never reading matter (or is active content). */
const DROP = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'canvas', 'math',
  'button', 'select', 'textarea', 'dialog', 'audio', 'video', 'map', 'head', 'title', 'meta', 'link', 'source', 'track',
]);

/** Not walked for text: dropped, or written from their raw text (code blocks). */
const NOT_COLLAPSED = new Set([...DROP, 'pre']);

export interface MarkdownOptions {
  /** Base for relative URLs (page URL, or `<base href>`). */
  baseUrl: string;
  /** Chooses what an image's destination is (default: its safe absolute URL); the clipper marks images to inline. */
  imageUrl?: (source: string | null, baseUrl: string) => string | undefined;
}

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

/** A run of `mark` longer than any run of it inside `text`, at least `min` long: it cannot end early. */
function fenceFor(text: string, mark: string, min: number): string {
  let longest = 0;
  let run = 0;
  for (const char of text) {
    run = char === mark ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  return mark.repeat(Math.max(min, longest + 1));
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

/** Alt text is read as markdown too: "<" as an entity for the reason given in markdown-text.ts. */
function escapeAlt(alt: string): string {
  return alt
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\[\]]|&(?=#?[a-z0-9]+;)/gi, '\\$&')
    .replace(/</g, '&lt;');
}

function isFootnoteReference(el: Element): boolean {
  const href = el.getAttribute('href') ?? '';
  return href.startsWith('#') && /^\[?\d{1,4}\]?$/.test((el.textContent ?? '').trim());
}

/** `content` as its leading whitespace, the rest, and its trailing whitespace. */
function edges(content: string): [lead: string, inner: string, trail: string] {
  const inner = content.trim();
  if (!inner) return ['', '', content];
  const start = content.indexOf(inner);
  return [content.slice(0, start), inner, content.slice(start + inner.length)];
}

/**
 * Whether inline markup cannot go around this content: it holds a blank line (markup cannot span
 * blocks), or it is a block of several lines (a code block's fence must start its line: after a
 * `_` or a `[` it is no fence, and the code in it would be read as markdown).
 */
function spansBlocks(lead: string, inner: string, trail: string): boolean {
  return inner.includes('\n\n') || ((lead.includes('\n\n') || trail.includes('\n\n')) && inner.includes('\n'));
}

/** Inline markup around `content`, with its edge whitespace moved outside: `_ a_` is not emphasis. */
function around(content: string, mark: string): string {
  const [lead, inner, trail] = edges(content);
  if (!inner || spansBlocks(lead, inner, trail)) return content;
  return lead + mark + inner + mark + trail;
}

/**
 * Pieces of markdown joined so that blocks are apart by at most one blank line, whichever side
 * asks. The text so far is kept without its trailing line breaks, which are counted instead: a
 * joined string is never read back, since reading a character of a long concatenation makes V8
 * copy it flat, once per piece.
 */
class Joined {
  private body = '';
  private trailing = 0;

  add(piece: string): void {
    if (!piece) return;
    let start = 0;
    while (start < piece.length && piece.charCodeAt(start) === 10) start++;
    if (start === piece.length) {
      this.trailing = Math.min(2, Math.max(this.trailing, start));
      return;
    }
    let end = piece.length;
    while (piece.charCodeAt(end - 1) === 10) end--;
    this.body += '\n\n'.slice(0, Math.min(2, Math.max(this.trailing, start))) + piece.slice(start, end);
    this.trailing = piece.length - end;
  }

  toString(): string {
    return this.trailing === 0 ? this.body : this.body + '\n'.repeat(this.trailing);
  }
}

function trimNewlines(text: string): string {
  return text.replace(/^\n+|\n+$/g, '');
}

/** The next sibling that writes something: whitespace-only text between elements writes nothing. */
function hasNextContent(node: Node, texts: ReadonlyMap<Node, string>): boolean {
  for (let next = node.nextSibling; next; next = next.nextSibling) {
    if (next.nodeType === 1 || texts.get(next)) return true;
  }
  return false;
}

/** A bare URL that GFM makes a link (autolink literal): it runs on to the next space or "<". */
const AUTOLINK_LITERAL = /(?:https?:\/\/|www\.)/i;

/** Elements that may be a formula (math.ts): checked before their rule or their drop. */
const FORMULA_TAGS = new Set(['span', 'script', 'math', 'mjx-container']);

class MarkdownWriter {
  private readonly texts: Map<Node, string>;
  /** The text written since the last space, in document order (for codeSpan). */
  private run = '';
  private readonly footnotes: Footnotes;
  private readonly noteSet: ReadonlySet<Element>;
  private writingNotes = false;

  constructor(
    root: Element | DocumentFragment,
    private readonly baseUrl: string,
    private readonly imageUrl: NonNullable<MarkdownOptions['imageUrl']>,
  ) {
    this.texts = collapsedTexts(root, NOT_COLLAPSED);
    this.footnotes = findFootnotes(root);
    this.noteSet = new Set(this.footnotes.notes);
  }

  /** The notes, numbered in the order they are referenced, after a rule (footnotes.ts says why). */
  notes(): string {
    if (this.footnotes.notes.length === 0) return '';
    this.writingNotes = true;
    const items = this.footnotes.notes.map((note, i) => {
      const marker = `${i + 1}.  `;
      const content = trimNewlines(this.children(note)).trim();
      return marker + content.replace(/\n/g, `\n${' '.repeat(marker.length)}`);
    });
    return `\n\n---\n\n${items.join('\n')}\n`;
  }

  children(parent: Node): string {
    const out = new Joined();
    for (let node = parent.firstChild; node; node = node.nextSibling) {
      const type = node.nodeType;
      if (type === 3 || type === 4) out.add(this.text(escapeMarkdown(this.texts.get(node) ?? '')));
      else if (type === 1) out.add(this.element(node as Element));
    }
    return out.toString();
  }

  private text(escaped: string): string {
    const space = escaped.search(/\s\S*$/);
    this.run = space === -1 ? this.run + escaped : escaped.slice(space + 1);
    return escaped;
  }

  /** The element's collapsed text as it is, for code spans: nothing in them is markdown. */
  private plainText(el: Element): string {
    let text = '';
    const walker = el.ownerDocument.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) text += this.texts.get(node) ?? '';
    return text;
  }

  private element(el: Element): string {
    const tag = el.localName;
    if (tag === 'br' || BLOCK_TAGS.has(tag)) this.run = '';
    if (FORMULA_TAGS.has(tag)) {
      const formula = formulaOf(el);
      if (formula) {
        this.run = '';
        return texMarkdown(formula);
      }
    }
    // A note is written at the end, under its number; its way back to the text not at all.
    if (!this.writingNotes && this.noteSet.has(el)) return '';
    if (this.footnotes.backlinks.has(el)) return '';
    if (tag === 'sup') {
      const note = this.footnotes.references.get(el);
      if (note !== undefined) return superscript(note);
    }
    switch (tag) {
      case 'p':
      case 'div':
        return this.block(el);
      case 'br':
        return '  \n';
      case 'hr':
        return '\n\n---\n\n';
      case 'h1':
      case 'h2':
      case 'h3':
      case 'h4':
      case 'h5':
      case 'h6': {
        const text = oneLine(this.children(el));
        return text ? `\n\n${'#'.repeat(Number(tag[1]))} ${text}\n\n` : '\n\n';
      }
      case 'blockquote': {
        const content = trimNewlines(this.children(el));
        return content.trim() ? `\n\n${content.replace(/^/gm, '> ')}\n\n` : '\n\n';
      }
      case 'ul':
      case 'ol': {
        const parent = el.parentElement;
        // A sub-list closing its item continues the item's last line.
        if (parent?.localName === 'li' && parent.lastElementChild === el) return `\n${this.children(el)}`;
        return `\n\n${this.children(el)}\n\n`;
      }
      case 'li':
        return this.listItem(el);
      case 'pre':
        return this.codeBlock(el);
      case 'code':
        return this.codeSpan(el);
      case 'a':
        return this.link(el);
      case 'img':
        return this.image(el);
      case 'em':
      case 'i':
        return around(this.children(el), '_');
      case 'strong':
      case 'b':
        return around(this.children(el), '**');
      case 'del':
      case 's':
      case 'strike':
        return around(this.children(el), '~~');
      case 'table':
        return tableMarkdown(el, (cell) => this.children(cell));
      case 'input':
        // A task list's checkbox; other form controls are not reading matter.
        if (el.getAttribute('type') !== 'checkbox' || el.parentElement?.localName !== 'li') return '';
        return (el as HTMLInputElement).checked || el.hasAttribute('checked') ? '[x] ' : '[ ] ';
      default:
        if (DROP.has(tag)) return '';
        return BLOCK_TAGS.has(tag) ? this.block(el) : this.children(el);
    }
  }

  private block(el: Element): string {
    // Spaces kept beside a picture that wrote nothing must not indent the line (four make it code).
    return `\n\n${this.children(el).replace(/^ +/, '')}\n\n`;
  }

  private listItem(li: Element): string {
    let content = this.children(li);
    if (!content.trim()) return '\n\n';
    const list = li.parentElement;
    let marker = '-   ';
    if (list?.localName === 'ol') {
      let index = 0;
      for (let before = li.previousElementSibling; before; before = before.previousElementSibling) index++;
      const start = Number.parseInt(list.getAttribute('start') ?? '', 10);
      marker = `${(Number.isNaN(start) ? 1 : start) + index}.  `;
    }
    // An item holding paragraphs keeps its trailing line break, so the next item stays apart.
    const paragraphs = content.endsWith('\n');
    content = trimNewlines(content) + (paragraphs ? '\n' : '');
    content = content.replace(/\n/g, `\n${' '.repeat(marker.length)}`);
    return marker + content + (hasNextContent(li, this.texts) ? '\n' : '');
  }

  private codeBlock(pre: Element): string {
    // A lone "\r" ends a markdown line too: left in, it would end an indented block's fence early.
    const code = (pre.textContent ?? '').replace(/\r\n?/g, '\n').replace(/\n$/, '');
    const fence = fenceFor(code, '`', 3);
    return `\n\n${fence}${codeLanguage(pre)}\n${code}\n${fence}\n\n`;
  }

  private codeSpan(el: Element): string {
    const content = this.plainText(el);
    const [lead, text, trail] = edges(content);
    if (!text) return content;
    const fence = fenceFor(text, '`', 1);
    // A span starting or ending with a backtick needs a space between it and the fence.
    const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
    // A bare URL right before would take the fence into itself, and the code's "[x](javascript:…)"
    // or "<javascript:…>" would then be read as markdown: a space ends the URL first.
    const apart = lead === '' && AUTOLINK_LITERAL.test(this.run) ? ' ' : '';
    this.run = '';
    return `${apart}${lead}${fence}${pad}${text}${pad}${fence}${trail}`;
  }

  private link(el: Element): string {
    const content = this.children(el);
    const [lead, text, trail] = edges(content);
    // A link around blocks (a teaser card) cannot be written as one: its blocks are kept as they are.
    if (!text || spansBlocks(lead, text, trail)) return content;
    return lead + this.linkMarkdown(el, text) + trail;
  }

  private linkMarkdown(el: Element, text: string): string {
    const note = this.footnotes.references.get(el);
    if (note !== undefined) return superscript(note);
    if (isFootnoteReference(el)) return `[${text.replace(/^\\?\[|\\?\]$/g, '')}]`.replace(/[[\]]/g, '\\$&');
    const raw = el.getAttribute('href');
    // In-page anchors do not exist once the text is in Anytype: keep the text only.
    if (!raw || raw.trim().startsWith('#')) return text;
    const url = safeLinkUrl(raw, this.baseUrl);
    return url ? `[${text}](${destination(url)}${linkTitle(el)})` : text;
  }

  private image(el: Element): string {
    // 1×1 images are tracking pixels, not pictures.
    if (el.getAttribute('width') === '1' && el.getAttribute('height') === '1') return '';
    const url = this.imageUrl(imageSource(el), this.baseUrl);
    if (!url) return '';
    return `![${escapeAlt(el.getAttribute('alt') ?? '')}](${destination(url)}${linkTitle(el)})`;
  }
}

/** Converts an element or fragment (never a string: page data is not re-parsed as HTML here). */
export function htmlToMarkdown(root: Element | DocumentFragment, { baseUrl, imageUrl = safeImageUrl }: MarkdownOptions): string {
  // Tables are reshaped in a copy, made only when there are tables (most articles have none).
  let work = root;
  if (hasDescendant(root, 'table')) {
    work = root.cloneNode(true) as Element | DocumentFragment;
    prepareTables(work);
  }
  const writer = new MarkdownWriter(work, baseUrl, imageUrl);
  const markdown = writer.children(work) + writer.notes();
  return tidy(markdown);
}

/** Collapses the blank-line runs left by dropped blocks and trims trailing spaces except hard breaks. */
export function tidy(md: string): string {
  return md
    .replace(/[ \t]+$/gm, (m) => (m === '  ' ? m : ''))
    // A hard break only breaks a line followed by another.
    .replace(/ {2}\n(?=\n|$)/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
