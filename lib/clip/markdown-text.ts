/**
 * Text for the markdown converter: whitespace collapsed the way a browser renders it, and escaped
 * so that no text of the page reads as markdown syntax (or as HTML) once it is in the vault.
 */

/** Elements that start a new block: whitespace at their edges renders nothing. */
export const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'audio', 'blockquote', 'body', 'canvas', 'center', 'dd', 'dir', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'frameset', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header',
  'hgroup', 'hr', 'html', 'isindex', 'li', 'main', 'menu', 'nav', 'noframes', 'noscript', 'ol', 'output', 'p', 'pre',
  'section', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

/**
 * Each text node under `root` with its whitespace as rendered: runs of spaces, tabs and line
 * breaks as one space, none at the start or end of a block or line, and none doubled across
 * element edges (`a <b> c</b>` has one space). Nothing under `skip` (whole-text elements such as
 * <pre>, and dropped ones) is read. The page is not changed: the texts are returned by node.
 */
export function collapsedTexts(root: Node, skip: ReadonlySet<string>): Map<Node, string> {
  const texts = new Map<Node, string>();
  let last: Node | undefined;
  let lastText = '';
  let keepLeadingSpace = false;
  const endLine = () => {
    if (last && lastText.endsWith(' ')) texts.set(last, lastText.slice(0, -1));
    last = undefined;
    keepLeadingSpace = false;
  };
  const walk = (parent: Node) => {
    for (let node = parent.firstChild; node; node = node.nextSibling) {
      const type = node.nodeType;
      if (type === 3 || type === 4) {
        const data = (node as CharacterData).data;
        // Most text has only single spaces: it is tested, not copied.
        let text = /[\r\n\t]| {2}/.test(data) ? data.replace(/[ \r\n\t]+/g, ' ') : data;
        if (text.startsWith(' ') && !keepLeadingSpace && (!last || lastText.endsWith(' '))) text = text.slice(1);
        texts.set(node, text);
        if (text) {
          last = node;
          lastText = text;
          keepLeadingSpace = false;
        }
      } else if (type === 1) {
        const tag = (node as Element).localName;
        if (BLOCK_TAGS.has(tag) || tag === 'br') endLine();
        else if (tag === 'img') {
          // A picture writes something of its own: the spaces beside it are kept.
          last = undefined;
          keepLeadingSpace = true;
        } else if (last) keepLeadingSpace = false;
        if (!skip.has(tag)) walk(node);
      }
    }
  };
  walk(root);
  endLine();
  return texts;
}

/** Inline markdown on one line: a table cell or a heading cannot hold a line break. */
export function oneLine(markdown: string): string {
  return markdown.replace(/\s*\n\s*/g, ' ').trim();
}

/**
 * What would read as markdown: anywhere, the characters below; at the start of a text, what opens
 * a list, a heading, a quote or a fence. Most text has none, and skips the replacements.
 */
const NEEDS_ESCAPE = /[\\*`[\]_<&]|!$|^(?:[-=>]|\+ |#{1,6} |~~~|\d+\. )/;

const ESCAPES: readonly [RegExp, string][] = [
  [/\\/g, '\\\\'],
  [/\*/g, '\\*'],
  [/^-/, '\\-'],
  [/^\+ /, '\\+ '],
  [/^(=+)/, '\\$1'],
  [/^(#{1,6}) /, '\\$1 '],
  [/`/g, '\\`'],
  [/^~~~/, '\\~~~'],
  [/\[/g, '\\['],
  [/\]/g, '\\]'],
  [/^>/, '\\>'],
  [/_/g, '\\_'],
  [/^(\d+)\. /, '$1\\. '],
  // A text ending in "!" before a link would make the link an image (that Desktop then fetches).
  [/!$/, '\\!'],
  // "&lt;" in the page's text is text, not the entity it would read as.
  [/&(?=#?[a-z0-9]+;)/gi, '\\&'],
  // Markdown passes inline HTML through; "<img onerror=…>" in the page's text must stay text. An
  // entity, not "\<": a bare URL just before would take the backslash into itself (GFM autolink
  // literals end only at a space or "<"), and "<javascript:…>" after it would be a link.
  [/</g, '&lt;'],
];

/** `text` with every character that would read as markdown syntax (or HTML) escaped. */
export function escapeMarkdown(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  let escaped = text;
  for (const [pattern, replacement] of ESCAPES) escaped = escaped.replace(pattern, replacement);
  return escaped;
}

/**
 * A plain text of the page (a description, a title) or one the person typed, as markdown that
 * reads as exactly that text: each line escaped as article text is, line breaks kept, and the
 * spaces that would indent a line into code dropped.
 */
export function textToMarkdown(text: string): string {
  return text
    .split(/\r\n?|\n/)
    .map((line) => escapeMarkdown(line.replace(/[ \t]+/g, ' ').trim()))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A text on one line, escaped: for link text and alt text, which a line break would end. */
export function inlineTextToMarkdown(text: string): string {
  return escapeMarkdown(text.replace(/\s+/g, ' ').trim());
}
